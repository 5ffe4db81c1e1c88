package monosearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import monosearch.index.Folders;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;

/**
 * One benchmark run, step by step: corpus, reindexes, in-process search, the FTS5 comparison, then the real server
 * in a child JVM under load. Progress goes to {@code log}; the figures come back as {@link BenchResults}.
 */
public final class BenchRun {
    static final String COLD = "cold: first seconds after startup, 16 connections";
    static final String STEADY_16 = "steady, 16 connections";
    static final String STEADY_64 = "steady, 64 connections";

    private final BenchSettings settings;
    private final PrintStream log;
    private String loadBefore;

    public BenchRun(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public BenchResults run() throws IOException {
        Machine machine = Machine.current();
        loadBefore = Machine.loadAverage();
        if (firstOf(loadBefore) > 0.5) {
            log.println("bench: WARNING: load average " + loadBefore + " before the run; other work is using the cores "
                    + "and the figures will be low");
        }
        Path work = settings.keep() != null ? Files.createDirectories(settings.keep())
                : Files.createTempDirectory("monosearch-bench-");
        try {
            return runIn(work, machine);
        } finally {
            if (settings.keep() == null) {
                Folders.deleteTree(work);
            } else {
                log.println("bench: kept corpus, index and logs in " + work);
            }
        }
    }

    private BenchResults runIn(Path work, Machine machine) throws IOException {
        Vocabulary vocabulary = Vocabulary.bundled();
        Path corpus = work.resolve("corpus");
        Path index = work.resolve("index");
        Folders.deleteTree(corpus);
        Folders.deleteTree(index);
        String corpusLabel;
        if (settings.corpus() != null) {
            // The one-file-changed run edits a file: never the user's own corpus, always a copy.
            log.println("bench: copying " + settings.corpus() + " to " + corpus);
            Folders.copyTree(settings.corpus(), corpus);
            corpusLabel = "the corpus in " + settings.corpus();
        } else {
            log.printf(Locale.ROOT, "bench: writing %,d synthetic monographs (seed %d) to %s%n",
                    settings.monographs(), settings.seed(), corpus);
            long t0 = System.nanoTime();
            SyntheticCorpus.Written written = new SyntheticCorpus(vocabulary, settings.seed()).write(corpus, settings.monographs());
            log.printf(Locale.ROOT, "bench: %,d files, %.1f MB in %.1f s%n", written.files(), written.bytes() / 1e6,
                    (System.nanoTime() - t0) / 1e9);
            corpusLabel = String.format(Locale.ROOT, "synthetic, %,d monographs, seed %d", settings.monographs(), settings.seed());
        }
        List<BenchQuery> queries = settings.queries() != null
                ? QuerySet.load(settings.queries())
                : QuerySet.generate(vocabulary, settings.seed(), 40);

        log.println("bench: reindexing (full, no change, one file changed)");
        ReindexBench.Figures reindex = new ReindexBench(Runtime.getRuntime().availableProcessors())
                .run(corpus, index, middleFile(corpus));
        log.printf(Locale.ROOT, "bench: full %.2f s, no change %.2f s, one changed %.2f s, index %.1f MB%n",
                reindex.full().seconds(), reindex.noChange().seconds(), reindex.oneChanged().seconds(),
                reindex.indexBytes() / 1e6);

        CorpusQueries.Generated generated = null;
        List<CliReindex.Run> fullCli = new ArrayList<>();
        List<CliReindex.Run> noChangeCli = new ArrayList<>();
        CliReindex cli = new CliReindex(jarOnly(launchArguments()));
        List<BenchQuery> ftsQueries = queries;
        List<BenchQuery> ftsWarm = Collections.nCopies(2, queries).stream().flatMap(List::stream).toList();
        if (settings.corpus() != null) {
            for (int i = 0; i < settings.reindexRuns(); i++) {
                fullCli.add(cli.run(corpus, index, true));
                log.printf(Locale.ROOT, "bench: reindex --full in a fresh JVM: %.2f s%n", fullCli.get(i).seconds());
            }
            for (int i = 0; i < settings.reindexRuns(); i++) {
                noChangeCli.add(cli.run(corpus, index, false));
                log.printf(Locale.ROOT, "bench: reindex (nothing changed) in a fresh JVM: %.2f s%n", noChangeCli.get(i).seconds());
            }
            generated = CorpusQueries.generate(CorpusQueries.readIndex(index), settings.seed(), settings.distinct(),
                    settings.distinct());
            log.printf(Locale.ROOT, "bench: generated %,d distinct queries from the corpus (%s) and %,d more for warming up%n",
                    generated.measured().size(), CorpusQueries.countByKind(generated.measured()), generated.warmup().size());
            if (generated.measured().size() < settings.distinct() || generated.warmup().size() < settings.distinct()) {
                log.println("bench: WARNING: the corpus is too small for that many distinct queries");
            }
            if (settings.queries() == null) {
                // In-process figures on queries of the corpus's own kinds, but none of those the server is measured on.
                queries = generated.warmup().subList(0, Math.min(200, generated.warmup().size()));
            }
            ftsQueries = generated.measured();
            ftsWarm = generated.warmup().subList(0, Math.min(1000, generated.warmup().size()));
        }

        int sections;
        int warmupPasses;
        InProcessBench.Figures single;
        InProcessBench.Figures dual;
        Fts5Comparison.Outcome fts5;
        try (LiveIndex live = LiveIndex.open(index, 0)) {
            SearchService service = SearchService.withDefaults(live, new Links(null));
            sections = service.stats().sections();
            InProcessBench bench = new InProcessBench(service, queries);
            log.printf(Locale.ROOT, "bench: warming up in-process search for %.0f s (%d queries)%n",
                    settings.warmupSeconds(), queries.size());
            warmupPasses = bench.warmUp(settings.warmupSeconds());
            log.println("bench: in-process search, 1 thread");
            single = bench.measure(1, settings.searchSeconds());
            log.printf(Locale.ROOT, "bench:   p50 %.2f ms, p99 %.2f ms, %.0f queries/s%n", single.latency().p50(),
                    single.latency().p99(), single.queriesPerSecond());
            log.println("bench: in-process search, 2 threads");
            dual = bench.measure(2, settings.searchSeconds());
            log.printf(Locale.ROOT, "bench:   p50 %.2f ms, p99 %.2f ms, %.0f queries/s%n", dual.latency().p50(),
                    dual.latency().p99(), dual.queriesPerSecond());
            if (settings.fts()) {
                log.println("bench: SQLite FTS5 comparison");
                fts5 = new Fts5Comparison(index, work.resolve("fts5.db")).run(bench, ftsQueries, ftsWarm,
                        settings.ftsRounds());
                log.println(fts5.skipped() == null
                        ? String.format(Locale.ROOT, "bench:   monosearch p50 %.2f ms, FTS5 p50 %.2f ms",
                        fts5.mono().p50(), fts5.fts5().p50())
                        : "bench:   skipped: " + fts5.skipped());
            } else {
                fts5 = Fts5Comparison.Outcome.skipped("--no-fts was given");
            }
        }
        Files.deleteIfExists(work.resolve("fts5.db"));
        if (generated == null) {
            ServerFigures server = settings.http() ? server(work, index, corpus, queries) : null;
            return new BenchResults(settings, machine, corpusLabel, queries, reindex, sections, warmupPasses, single, dual,
                    server, fts5, loadBefore, Machine.loadAverage(), null);
        }
        CorpusServerBench.Figures served = null;
        if (settings.http()) {
            Replay.Traffic traffic = Replay.build(generated.measured(), settings.seed(), Math.max(1, settings.distinct() / 4));
            log.printf(Locale.ROOT, "bench: replay of %,d searches (%,d typed), %,d requests, %,d of the searches different%n",
                    traffic.sessions(), traffic.typed(), traffic.paths().size(), traffic.distinctSearch());
            served = new CorpusServerBench(settings, log, launchArguments()).run(work, index, corpus, generated, traffic);
        }
        InProcessBench.Figures synthetic = settings.synthetic() > 0 ? synthetic(work, vocabulary) : null;
        CorpusRun run = new CorpusRun(CorpusQueries.countByKind(generated.measured()), generated.measured().size(),
                generated.warmup().size(), String.join(" ", cli.command(Path.of("CORPUS"), Path.of("INDEX"), true)),
                fullCli, noChangeCli, served, settings.synthetic(), synthetic);
        return new BenchResults(settings, machine, corpusLabel, queries, reindex, sections, warmupPasses, single, dual,
                served == null ? null : served.server(), fts5, loadBefore, Machine.loadAverage(), run);
    }

    /** In-process search on a synthetic corpus, for the row of issue 15 that is set on one. */
    private InProcessBench.Figures synthetic(Path work, Vocabulary vocabulary) throws IOException {
        Path corpus = work.resolve("synthetic");
        Path index = work.resolve("synthetic-index");
        Folders.deleteTree(corpus);
        Folders.deleteTree(index);
        log.printf(Locale.ROOT, "bench: writing %,d synthetic monographs (seed %d) for the in-process row%n",
                settings.synthetic(), settings.seed());
        new SyntheticCorpus(vocabulary, settings.seed()).write(corpus, settings.synthetic());
        new ReindexBench(Runtime.getRuntime().availableProcessors()).run(corpus, index, middleFile(corpus));
        try (LiveIndex live = LiveIndex.open(index, 0)) {
            InProcessBench bench = new InProcessBench(SearchService.withDefaults(live, new Links(null)),
                    QuerySet.generate(vocabulary, settings.seed(), 40));
            bench.warmUp(settings.warmupSeconds());
            InProcessBench.Figures f = bench.measure(1, settings.searchSeconds());
            log.printf(Locale.ROOT, "bench:   synthetic, 1 thread: p50 %.2f ms, p99 %.2f ms%n", f.latency().p50(), f.latency().p99());
            return f;
        } finally {
            Folders.deleteTree(corpus);
            Folders.deleteTree(index);
        }
    }

    /** The launch without the class-data archive, which the build records for serve: reindex is run as the README runs it. */
    private static List<String> jarOnly(List<String> launch) {
        return launch.stream().filter(a -> !a.startsWith("-XX:SharedArchiveFile=")).toList();
    }

    private ServerFigures server(Path work, Path index, Path corpus, List<BenchQuery> queries) throws IOException {
        List<String> launch = launchArguments();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(settings.serverJvm());
        command.addAll(launch);
        command.addAll(List.of("serve", "--index", "INDEX", "--port", "PORT"));
        HttpLoad.Generator tool = HttpLoad.choose(settings.loadTool(), work);
        log.println("bench: starting the server: " + String.join(" ", command));
        List<String> paths = HttpLoad.searchPaths(queries);
        List<HttpFigures> runs = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(launch, settings.serverJvm(), List.of(), Map.of(), index, corpus,
                work.resolve("server.log"), queries.get(0).text())) {
            log.printf(Locale.ROOT, "bench: first answer after %.2f s (health after %.2f s); load with %s%n",
                    server.startup().firstSearchSeconds(), server.startup().healthSeconds(), tool.name());
            String failure = null;
            try {
                for (String label : List.of(COLD, STEADY_16, STEADY_64)) {
                    int connections = label.equals(STEADY_64) ? 64 : 16;
                    HttpFigures f = tool.run(label, server.port(), paths, connections, settings.httpSeconds(), false);
                    log.printf(Locale.ROOT, "bench:   %s: %.0f answered requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                            label, f.answeredPerSecond(), f.latency().p50(), f.latency().p99(), f.errors());
                    runs.add(f);
                }
            } catch (IOException e) {
                failure = e.getMessage();
                log.println("bench: load failed: " + failure);
            }
            ServerProcess.Heap heap = server.isAlive() ? server.heapAfterGc()
                    : new ServerProcess.Heap(Double.NaN, Double.NaN, "the server had exited; see " + server.log());
            PageWeight page = server.isAlive() ? PageWeight.measure(server.port()) : null;
            return new ServerFigures(String.join(" ", command), tool.name(), server.startup(), runs, heap, page,
                    server.isAlive(), failure);
        }
    }

    private static double firstOf(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * {@code -jar monosearch.jar}, the service's jar this bench runs against (its class path names it), so that the
     * child has the service's class path only and starts as the README starts it.
     */
    private static List<String> launchArguments() {
        try {
            Path source = Path.of(Class.forName("monosearch.cli.Main").getProtectionDomain().getCodeSource().getLocation().toURI());
            if (source.toString().endsWith(".jar")) {
                // As the README launches it: with the class-data archive the build records beside the jar.
                Path archive = source.resolveSibling(source.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
                return Files.isRegularFile(archive)
                        ? List.of("-XX:SharedArchiveFile=" + archive, "-jar", source.toString())
                        : List.of("-jar", source.toString());
            }
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            // fall through to the class path
        }
        return List.of("-cp", System.getProperty("java.class.path"), "monosearch.cli.Main");
    }

    /** The file the one-file-changed run edits: one from the middle of the corpus, not a special first or last. */
    private static Path middleFile(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            List<Path> md = files.filter(p -> p.getFileName().toString().endsWith(".md")
                    && !p.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList();
            if (md.isEmpty()) {
                throw new IOException("no *.md monographs in " + corpus);
            }
            return md.get(md.size() / 2);
        }
    }
}
