package monosearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;

/**
 * Times the reindexes a user runs: a full build (in this JVM, cold, as the CLI runs it), a run where nothing
 * changed, and a run after one file was edited.
 */
public final class ReindexBench {
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    /**
     * One timed reindex.
     *
     * @param seconds    wall time
     * @param cpuSeconds CPU time of the whole JVM meanwhile (indexing threads, GC, JIT): a busy machine stretches
     *                   the wall time but hardly this
     * @param summary    what the reindex reported
     */
    public record Run(double seconds, double cpuSeconds, ReindexSummary summary) {
    }

    /**
     * @param full        full rebuild into an empty folder
     * @param noChange    the same corpus again
     * @param oneChanged  after appending a sentence to one file
     * @param indexBytes  index size on disk after the full build
     * @param corpusFiles monograph files
     * @param corpusBytes their total size
     */
    public record Figures(Run full, Run noChange, Run oneChanged, long indexBytes, int corpusFiles, long corpusBytes) {
        public double filesPerSecond() {
            return corpusFiles / full.seconds();
        }

        public double megabytesPerSecond() {
            return corpusBytes / 1e6 / full.seconds();
        }
    }

    private final Reindexer reindexer = new Reindexer(new MonographParser(SectionNames.bundled()), Reindexer.Progress.NONE);
    private final int threads;

    public ReindexBench(int threads) {
        this.threads = threads;
    }

    public Figures run(Path corpus, Path index, Path changedFile) throws IOException {
        Run full = timed(corpus, index, true);
        long indexBytes = sizeOf(index);
        Run noChange = timed(corpus, index, false);
        touch(changedFile);
        Run oneChanged = timed(corpus, index, false);
        int files = full.summary().seen();
        long bytes = corpusBytes(corpus);
        return new Figures(full, noChange, oneChanged, indexBytes, files, bytes);
    }

    private Run timed(Path corpus, Path index, boolean full) throws IOException {
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        ReindexSummary summary = reindexer.run(new Reindexer.Options(corpus, index, full, MAX_FILE_BYTES, threads));
        return new Run((System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu0) / 1e9, summary);
    }

    /** A real edit: new content and a newer modification time, so the size/time check sees it. */
    private static void touch(Path file) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, "\nEdited for the benchmark: check kidney function before each cycle.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5_000));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static long corpusBytes(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            List<Path> md = files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")).toList();
            long sum = 0;
            for (Path p : md) {
                sum += Files.size(p);
            }
            return sum;
        }
    }
}
