package monosearch.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark, a program of its own beside the service: {@code java -jar bench/target/monosearch-bench.jar}. It
 * measures the service's jar as the README launches it, and keeps its synthetic corpus, vocabulary, load clients and
 * the SQLite driver out of that jar.
 */
@Command(name = "monosearch-bench", mixinStandardHelpOptions = true,
        description = {"Measure monosearch and print the figures as a markdown table: reindex times, index size, "
                + "in-process search latency, startup, heap and HTTP throughput of the real server (started in a child "
                + "JVM), and a comparison with SQLite FTS5 where its JDBC driver is on the classpath.",
                "Generates a deterministic synthetic corpus unless --corpus is given. Takes a few minutes; "
                        + "uses the whole machine, so run nothing else meanwhile."})
public final class BenchCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--monographs", paramLabel = "N", defaultValue = "10000",
            description = "Synthetic monographs to generate (default: ${DEFAULT-VALUE}).")
    int monographs;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Measure this corpus instead of a synthetic one (it is copied first; never modified).")
    Path corpus;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "One query per line instead of the generated mixed set.")
    Path queries;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the markdown here instead of standard output.")
    Path outFile;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Work in this folder and keep the corpus, index and server log (its corpus/ and index/ are replaced).")
    Path keep;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the synthetic corpus and the query set (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "20",
            description = "In-process warm-up before timing (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--search-seconds", paramLabel = "S", defaultValue = "10",
            description = "Each in-process latency measurement (default: ${DEFAULT-VALUE}).")
    double searchSeconds;

    @Option(names = "--http-seconds", paramLabel = "S", defaultValue = "30",
            description = "Each HTTP load run; the cold run must be 30 to judge the warm-start target (default: ${DEFAULT-VALUE}).")
    double httpSeconds;

    @Option(names = "--fts-rounds", paramLabel = "N",
            description = "Passes over the query set in the FTS5 comparison (default: 20; with --corpus 2, over the "
                    + "distinct queries).")
    Integer ftsRounds;

    @Option(names = "--distinct-queries", paramLabel = "N", defaultValue = "20000",
            description = "With --corpus: distinct queries generated from the corpus for the HTTP load, each sent once, "
                    + "and as many more for the warm-up (default: ${DEFAULT-VALUE}).")
    int distinct;

    @Option(names = "--reindex-runs", paramLabel = "N", defaultValue = "3",
            description = "With --corpus: runs of each reindex, in a fresh JVM and inside the server (default: ${DEFAULT-VALUE}).")
    int reindexRuns;

    @Option(names = "--synthetic", paramLabel = "N", defaultValue = "10000",
            description = "With --corpus: also measure in-process search on N synthetic monographs, 0 to skip "
                    + "(default: ${DEFAULT-VALUE}).")
    int synthetic;

    @Option(names = "--load-tool", paramLabel = "TOOL", defaultValue = "auto",
            description = "auto (wrk when on the PATH, else Java), wrk or java (default: ${DEFAULT-VALUE}).")
    String loadTool;

    @Option(names = "--server-jvm", paramLabel = "OPTIONS", defaultValue = "-XX:+UseParallelGC -Xmx256m",
            description = "JVM options of the child server, space-separated (default: ${DEFAULT-VALUE}).")
    String serverJvm;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "A line for the report's header, e.g. the commit measured.")
    String note;

    @Option(names = "--http", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start the server and load it over HTTP (default: on).")
    boolean http;

    @Option(names = "--fts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compare with SQLite FTS5 when its driver is on the classpath (default: on).")
    boolean fts;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a bench command line, writing to the given streams, and returns its exit status. */
    static int run(PrintStream out, PrintStream err, String... args) {
        return new CommandLine(new BenchCommand(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (monographs < 1 || !List.of("auto", "wrk", "java").contains(loadTool) || distinct < 100 || reindexRuns < 1
                || synthetic < 0 || (ftsRounds != null && ftsRounds < 1)) {
            err.println("bench: --monographs must be at least 1, --load-tool one of auto, wrk, java, --distinct-queries "
                    + "at least 100, --reindex-runs and --fts-rounds at least 1, --synthetic 0 or more");
            return 2;
        }
        int rounds = ftsRounds != null ? ftsRounds : corpus != null ? 2 : 20;
        List<String> jvm = Arrays.stream(serverJvm.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        BenchSettings settings = new BenchSettings(monographs, queries, corpus, keep, seed, warmupSeconds, searchSeconds,
                httpSeconds, rounds, loadTool, jvm, http, fts, commandLine(), note, distinct, reindexRuns, synthetic);
        BenchResults results = new BenchRun(settings, err).run();
        String markdown = new BenchReport(results).markdown();
        if (outFile == null) {
            out.print(markdown);
        } else {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, markdown, StandardCharsets.UTF_8);
            err.println("bench: figures written to " + outFile);
        }
        return 0;
    }

    /** The JVM's own command line where the OS tells it (arguments quoted for a shell), else the bench arguments. */
    private String commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.arguments().isPresent()) {
            StringBuilder line = new StringBuilder("java");
            for (String arg : info.arguments().get()) {
                line.append(' ').append(arg.matches("[\\w./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
            }
            return line.toString();
        }
        return "java -jar bench/target/monosearch-bench.jar " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
