package monosearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk with a Lua script, written at run time, that sends the query URLs (each wrk thread from its own starting
 * point) and prints its summary as one machine-readable line, p99.9 included. Two modes: a timed run cycling
 * through the list, and a run that sends each URL exactly once and ends when the last answer is in.
 */
final class WrkLoad implements HttpLoad.Generator {
    static final Pattern SUMMARY = Pattern.compile("MONOSEARCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p99_us=(\\d+) p999_us=(\\d+) mean_us=([\\d.]+) max_us=(\\d+) errors=(\\d+) "
            + "connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+) status=(\\d+) codes=(\\S*)");
    private static final String DONE = "MONOSEARCH_DONE";
    private static final String TOOK = "MONOSEARCH_TOOK";
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
    public HttpFigures run(String label, int port, List<String> paths, int connections, double seconds,
                           boolean serverTimes) throws IOException {
        return execute(label, port, paths, false, serverTimes, connections, seconds);
    }

    @Override
    public HttpFigures runEach(String label, int port, List<String> paths, int connections, double limitSeconds)
            throws IOException {
        return execute(label, port, paths, true, true, connections, limitSeconds);
    }

    private HttpFigures execute(String label, int port, List<String> paths, boolean once, boolean serverTimes,
                                int connections, double seconds) throws IOException {
        // The URLs go in a file of their own: a Lua table constructor of tens of thousands of strings is too big for LuaJIT.
        Path list = workDir.resolve("wrk-paths.txt");
        Files.write(list, paths, StandardCharsets.UTF_8);
        Path script = workDir.resolve("wrk-queries.lua");
        Files.writeString(script, script(list, once, serverTimes), StandardCharsets.UTF_8);
        int planned = once ? paths.size() : 0;
        List<String> command = List.of(wrk.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "-s", script.toString(),
                "http://127.0.0.1:" + port);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int done = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                out.append(line).append('\n');
                // wrk sleeps out its whole -d before it reports; once every thread has had its last answer, SIGINT
                // makes it stop and report at once, the duration being the time up to then.
                if (line.equals(DONE) && ++done == THREADS) {
                    interrupt(p);
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
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
        return new HttpFigures(label, "wrk", connections, duration, requests, latency, Long.parseLong(m.group(8)),
                errorKinds(m), planned, tookOf(out));
    }

    private static void interrupt(Process p) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The server's tookMs values the script printed, one line per wrk thread. */
    static LatencyStats tookOf(CharSequence output) {
        List<Long> nanos = new ArrayList<>();
        for (String line : output.toString().split("\n")) {
            if (line.startsWith(TOOK)) {
                for (String v : line.substring(TOOK.length()).strip().split(" ")) {
                    if (!v.isEmpty()) {
                        nanos.add(Math.round(Double.parseDouble(v) * 1e6));
                    }
                }
            }
        }
        return LatencyStats.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** "read 3, status 503 ×2" from the summary's counts; the codes come as "503:2,400:1". */
    static String errorKinds(Matcher m) {
        List<String> kinds = new ArrayList<>();
        String[] names = {"connect", "read", "write", "timeout"};
        for (int g = 0; g < names.length; g++) {
            long n = Long.parseLong(m.group(9 + g));
            if (n > 0) {
                kinds.add(names[g] + " " + n);
            }
        }
        if (Long.parseLong(m.group(13)) > 0) {
            List<String> codes = new ArrayList<>();
            for (String c : m.group(14).split(",")) {
                if (!c.isEmpty()) {
                    String[] kv = c.split(":");
                    codes.add(kv[0] + " ×" + kv[1]);
                }
            }
            kinds.add("status " + String.join(", ", codes));
        }
        return String.join(", ", kinds);
    }

    private static double us(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    /**
     * The Lua script. {@code once}: thread t of the THREADS sends its share of the list, each URL once, and says
     * DONE after its last answer; wrk's {@code delay()} hook holds a connection back once the share is all sent
     * (it runs before each request, so counting there never sends one too many). Otherwise the threads cycle
     * through the list from different starting points. {@code serverTimes}: the tookMs of each answer is kept.
     */
    static String script(Path pathsFile, boolean once, boolean serverTimes) {
        String file = pathsFile.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder lua = new StringBuilder("-- written by monosearch bench\nlocal paths = {}\n")
                .append("for line in io.lines(\"").append(file).append("\") do paths[#paths + 1] = line end\n");
        lua.append(String.format(Locale.ROOT, """
                local counter = 0
                local threads = {}
                function setup(thread)
                  if %1$s then
                    thread:set("first", math.floor(counter * #paths / %2$d))
                    thread:set("count", math.floor((counter + 1) * #paths / %2$d) - math.floor(counter * #paths / %2$d))
                  else
                    thread:set("first", math.floor(counter * #paths / %3$d))
                  end
                  table.insert(threads, thread)
                  counter = counter + 1
                end
                local i, reserved, got = 0, 0, 0
                took = {}
                function init(args)
                  i = first or 0
                end
                """, once, THREADS, THREADS));
        if (once) {
            lua.append("""
                    function delay()
                      if reserved >= count then return 3600000 end
                      reserved = reserved + 1
                      return 0
                    end
                    """);
        }
        if (once) {
            // The URL is chosen by the place delay() reserved, not by counting calls: wrk calls request() once more
            // on its first thread, to check the script, without sending it; counted, that call made the first
            // thread skip its first URL and send the second thread's first one again.
            lua.append("""
                    function request()
                      return wrk.format("GET", paths[first + math.max(reserved, 1)])
                    end
                    """);
        } else {
            lua.append("""
                    function request()
                      i = i + 1
                      if i > #paths then i = 1 end
                      return wrk.format("GET", paths[i])
                    end
                    """);
        }
        // Every answer passes here, for the count of each status code that is not a success.
        lua.append(String.format(Locale.ROOT, """
                bad = {}
                function response(status, headers, body)
                  got = got + 1
                  if status < 200 or status > 299 then bad[status] = (bad[status] or 0) + 1 end
                  if %1$s then
                    local t = string.match(body, '"tookMs":([%%d%%.eE+-]+)')
                    if t then took[#took + 1] = t end
                  end
                  if %2$s and got == count then
                    io.write("%3$s\\n")
                    io.stdout:flush()
                  end
                end
                """, serverTimes, once, DONE));
        lua.append(String.format(Locale.ROOT, """
                function done(summary, latency, requests)
                  for _, t in ipairs(threads) do
                    io.write("%1$s ", table.concat(t:get("took"), " "), "\\n")
                  end
                  local e = summary.errors
                  local codes = {}
                  for _, t in ipairs(threads) do
                    for status, n in pairs(t:get("bad")) do codes[status] = (codes[status] or 0) + n end
                  end
                  local listed = {}
                  for status, n in pairs(codes) do listed[#listed + 1] = status .. ":" .. n end
                  io.write(string.format("MONOSEARCH requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d p999_us=%%d mean_us=%%.1f max_us=%%d errors=%%d connect=%%d read=%%d write=%%d timeout=%%d status=%%d codes=%%s\\n",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                    latency:percentile(99.9), latency.mean, latency.max,
                    e.connect + e.read + e.write + e.timeout + e.status,
                    e.connect, e.read, e.write, e.timeout, e.status, table.concat(listed, ",")))
                end
                """, TOOK));
        return lua.toString();
    }
}
