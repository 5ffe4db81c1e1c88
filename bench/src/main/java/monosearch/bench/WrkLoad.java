package monosearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk with a Lua script, written at run time, that cycles through the query URLs (each wrk thread from its own
 * starting point) and prints its summary as one machine-readable line, p99.9 included.
 */
final class WrkLoad implements HttpLoad.Generator {
    private static final Pattern SUMMARY = Pattern.compile("MONOSEARCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p99_us=(\\d+) p999_us=(\\d+) mean_us=([\\d.]+) max_us=(\\d+) errors=(\\d+)");
    /** Both cores: wrk's own threads compete with the server's, as they would for any load tool on this box. */
    private static final int THREADS = 2;

    private final Path wrk;
    private final Path workDir;

    WrkLoad(Path wrk, Path workDir) {
        this.wrk = wrk;
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return "wrk (" + wrk + ", " + THREADS + " threads)";
    }

    @Override
    public HttpFigures run(String label, int port, List<String> paths, int connections, double seconds) throws IOException {
        Path script = workDir.resolve("wrk-queries.lua");
        Files.writeString(script, script(paths), StandardCharsets.UTF_8);
        List<String> command = List.of(wrk.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(),
                "http://127.0.0.1:" + port);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("wrk did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        Matcher m = SUMMARY.matcher(out);
        if (!m.find()) {
            throw new IOException("no summary in wrk's output:\n" + out);
        }
        long requests = Long.parseLong(m.group(1));
        double duration = Long.parseLong(m.group(2)) / 1e6;
        LatencyStats latency = new LatencyStats((int) Math.min(Integer.MAX_VALUE, requests), us(m.group(3)),
                us(m.group(4)), us(m.group(5)), Double.parseDouble(m.group(6)) / 1000.0, us(m.group(7)));
        return new HttpFigures(label, "wrk", connections, duration, requests, latency, Long.parseLong(m.group(8)));
    }

    private static double us(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    static String script(List<String> paths) {
        StringBuilder lua = new StringBuilder("-- written by monosearch bench: cycles through the query set\nlocal paths = {\n");
        for (String p : paths) {
            lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\n").append(String.format(Locale.ROOT, """
                local counter = 0
                function setup(thread)
                  thread:set("first", (counter * %d) %% #paths)
                  counter = counter + 1
                end
                local i = 0
                function init(args)
                  i = first or 0
                end
                function request()
                  i = i + 1
                  if i > #paths then i = 1 end
                  return wrk.format("GET", paths[i])
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("MONOSEARCH requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d p999_us=%%d mean_us=%%.1f max_us=%%d errors=%%d\\n",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                    latency:percentile(99.9), latency.mean, latency.max,
                    e.connect + e.read + e.write + e.timeout + e.status))
                end
                """, Math.max(1, paths.size() / 2)));
        return lua.toString();
    }
}
