package monosearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server measurements of issue 15 on a real corpus, in a child JVM launched as the README launches it: launch
 * to first answer, the first seconds against steady load, 20,000 distinct queries once each, the replay with
 * repetition, reindexes inside the running server, and the same load with the result cache on when {@code serve}
 * has a switch for it.
 */
final class CorpusServerBench {
    static final int CONNECTIONS = 16;
    static final String DISTINCT = "distinct queries, once each, 16 connections";
    static final String REPLAY = "replay (Zipf + as-you-type), 16 connections";
    private static final Pattern UPDATED = Pattern.compile("\"updated\":(\\d+)");
    private static final Pattern UNCHANGED = Pattern.compile("\"unchanged\":(\\d+)");

    /**
     * One server's figures under the distinct load and the replay.
     *
     * @param args     serve arguments beyond the README's (the cache switch), empty for none
     * @param startup  launch to first answers
     * @param cold     the first seconds after startup, cycling through the warm-up queries
     * @param steady   the next as many seconds, the other half of the warm-up queries
     * @param distinct each measured query once
     * @param replay   the replay, timed
     */
    record Load(List<String> args, ServerProcess.Startup startup, HttpFigures cold, HttpFigures steady,
                HttpFigures distinct, HttpFigures replay) {
    }

    /**
     * A reindex inside the server, by {@code POST /api/reindex}.
     *
     * @param seconds   the request's time, commit included
     * @param updated   files the reindex re-read
     * @param unchanged files it found unchanged
     */
    record InServer(double seconds, int updated, int unchanged) {
    }

    /**
     * @param command      how the server was launched
     * @param tool         the load generator
     * @param cache        the cache switch found in serve --help, or null
     * @param off          the server as the README launches it (cache off where there is a switch)
     * @param on           with the cache on, or null without a switch
     * @param noChange     a reindex with nothing changed
     * @param everyFile    reindexes after every file of the corpus changed
     * @param traffic      what the replay sent
     * @param server       startup, heap and page figures of the first server, for the general table
     */
    record Figures(String command, String tool, CacheSwitch cache, Load off, Load on, InServer noChange,
                   List<InServer> everyFile, Replay.Traffic traffic, ServerFigures server) {
    }

    private final BenchSettings settings;
    private final PrintStream log;
    private final List<String> launch;

    CorpusServerBench(BenchSettings settings, PrintStream log, List<String> launch) {
        this.settings = settings;
        this.log = log;
        this.launch = List.copyOf(launch);
    }

    Figures run(Path work, Path index, Path corpus, CorpusQueries.Generated queries, Replay.Traffic traffic)
            throws IOException {
        HttpLoad.Generator tool = HttpLoad.choose(settings.loadTool(), work);
        CacheSwitch cache = CacheSwitch.of(launch);
        log.println("bench: result cache switch in serve --help: " + (cache == null ? "none" : cache.option()));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> env = Map.of("MONOSEARCH_ADMIN_TOKEN", token);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(settings.serverJvm());
        command.addAll(launch);
        command.addAll(List.of("serve", "--index", "INDEX", "--corpus", "CORPUS", "--port", "PORT"));
        List<String> offArgs = cache == null ? List.of() : cache.off();
        command.addAll(offArgs);
        log.println("bench: starting the server: " + String.join(" ", command) + " (MONOSEARCH_ADMIN_TOKEN set)");
        Load off;
        InServer noChange;
        List<InServer> everyFile = new ArrayList<>();
        ServerFigures general;
        try (ServerProcess server = ServerProcess.start(launch, settings.serverJvm(), offArgs, env, index, corpus,
                work.resolve("server.log"), queries.warmup().get(0).text())) {
            off = load(server, tool, offArgs, queries, traffic);
            log.println("bench: reindexes inside the server (POST /api/reindex)");
            noChange = reindex(server, token);
            log.printf(Locale.ROOT, "bench:   nothing changed: %.2f s%n", noChange.seconds());
            for (int i = 1; i <= settings.reindexRuns(); i++) {
                changeEveryFile(corpus, i);
                InServer r = reindex(server, token);
                everyFile.add(r);
                log.printf(Locale.ROOT, "bench:   every file changed: %.2f s (%d re-read)%n", r.seconds(), r.updated());
            }
            ServerProcess.Heap heap = server.isAlive() ? server.heapAfterGc()
                    : new ServerProcess.Heap(Double.NaN, Double.NaN, "the server had exited; see " + server.log());
            PageWeight page = server.isAlive() ? PageWeight.measure(server.port()) : null;
            general = new ServerFigures(String.join(" ", command), tool.name(), server.startup(),
                    Stream.of(off.cold(), off.steady()).toList(), heap, page, server.isAlive(), null);
        }
        Load on = null;
        if (cache != null) {
            log.println("bench: the same load with the result cache on: serve " + String.join(" ", cache.on()));
            try (ServerProcess server = ServerProcess.start(launch, settings.serverJvm(), cache.on(), env, index, corpus,
                    work.resolve("server-cache.log"), queries.warmup().get(0).text())) {
                on = load(server, tool, cache.on(), queries, traffic);
            }
        }
        return new Figures(String.join(" ", command), tool.name(), cache, off, on, noChange, everyFile, traffic, general);
    }

    private Load load(ServerProcess server, HttpLoad.Generator tool, List<String> args, CorpusQueries.Generated queries,
                      Replay.Traffic traffic) throws IOException {
        log.printf(Locale.ROOT, "bench: first answer after %.2f s (health after %.2f s); load with %s%n",
                server.startup().firstSearchSeconds(), server.startup().healthSeconds(), tool.name());
        List<String> warm = HttpLoad.searchPaths(queries.warmup());
        int half = Math.max(1, warm.size() / 2);
        HttpFigures cold = report(tool.run(BenchRun.COLD, server.port(), warm.subList(0, half), CONNECTIONS,
                settings.httpSeconds(), false));
        HttpFigures steady = report(tool.run(BenchRun.STEADY_16, server.port(), warm.subList(half, warm.size()),
                CONNECTIONS, settings.httpSeconds(), false));
        List<String> measured = HttpLoad.searchPaths(queries.measured());
        HttpFigures distinct = report(tool.runEach(DISTINCT, server.port(), measured, CONNECTIONS,
                Math.max(120, measured.size() / 100.0)));
        HttpFigures replay = report(tool.run(REPLAY, server.port(), traffic.paths(), CONNECTIONS, settings.httpSeconds(), true));
        return new Load(args, server.startup(), cold, steady, distinct, replay);
    }

    private HttpFigures report(HttpFigures f) {
        log.printf(Locale.ROOT, "bench:   %s: %.0f answered requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%s%n",
                f.label(), f.answeredPerSecond(), f.latency().p50(), f.latency().p99(), f.errors(),
                f.took().count() > 0 ? String.format(Locale.ROOT, ", server-side p50 %.2f ms", f.took().p50()) : "");
        return f;
    }

    private static InServer reindex(ServerProcess server, String token) throws IOException {
        long t0 = System.nanoTime();
        ServerProcess.Answer answer = server.post("/api/reindex", token);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (answer.status() != 200) {
            throw new IOException("POST /api/reindex answered " + answer.status() + ": " + answer.body());
        }
        return new InServer(seconds, number(UPDATED, answer.body()), number(UNCHANGED, answer.body()));
    }

    private static int number(Pattern p, String json) {
        Matcher m = p.matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A real edit of every monograph of the corpus copy, so a reindex must read, parse and index each again. */
    static int changeEveryFile(Path corpus, int pass) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            Files.writeString(f, "\nReviewed for the benchmark, pass " + pass + ".\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
        return files.size();
    }
}
