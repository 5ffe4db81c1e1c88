package monosearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import monosearch.monograph.Corpus;
import monosearch.monograph.Corpus.Problem;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.MonographParser;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Brings an index up to date with a corpus folder in one atomic commit: new and changed files are parsed and
 * written, sections of deleted files removed, unchanged files (same size and modification time, or same
 * content hash) left alone. Readers of the index see the old version until the commit, then the new one.
 */
public final class Reindexer {
    /** Settings of one reindex run. */
    public record Options(Path corpus, Path index, boolean full, long maxFileBytes, int threads) {
    }

    /** Told after each changed file is indexed; throwing from it aborts the reindex, leaving the index as it was. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void filesIndexed(int done, int total);
    }

    private final MonographFiles files;
    private final Progress progress;

    public Reindexer(MonographParser parser, Progress progress) {
        this.files = new MonographFiles(parser);
        this.progress = progress;
    }

    public ReindexSummary run(Options options) throws IOException {
        long start = System.nanoTime();
        Corpus corpus = MonographFiles.scan(options.corpus(), options.maxFileBytes());
        Files.createDirectories(options.index());
        try (Directory dir = FSDirectory.open(options.index())) {
            String fullReason = options.full() ? "--full was asked for" : null;
            Map<String, MonographFiles.State> indexed = Map.of();
            if (DirectoryReader.indexExists(dir)) {
                String schema = SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.COMMIT_SCHEMA);
                if (fullReason == null && !Schema.VERSION.equals(schema)) {
                    fullReason = "the index was written with schema version " + schema + ", this is " + Schema.VERSION;
                }
                if (fullReason == null) {
                    try (DirectoryReader reader = DirectoryReader.open(dir)) {
                        indexed = IndexedFiles.read(reader);
                    }
                }
            } else {
                fullReason = "there was no index yet";
            }
            if (corpus.files().isEmpty()) {
                throw new CorpusException("no monograph files (*.md, *.markdown) in " + options.corpus()
                        + "; the index was left as it was");
            }
            Set<String> before = Set.of(dir.listAll());
            IndexWriter writer = openWriter(dir, options.index());
            try {
                ReindexSummary summary = write(writer, corpus, indexed, fullReason, options, start);
                writer.close();
                return summary;
            } catch (IOException | RuntimeException | Error e) {
                rollBack(writer);
                long written = removeUnreferenced(dir, options.index(), before);
                if (isDiskFull(e)) {
                    throw diskFull(options.index(), corpus, written, e);
                }
                throw e;
            }
        }
    }

    private static void rollBack(IndexWriter writer) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            // Its files are removed below all the same; the reindex's own failure is the one to report.
        }
    }

    /**
     * Deletes what the failed run wrote: the files that were not in the folder before it and that the last commit
     * does not reference. Rolling back already drops most of them, but not those of segments whose writing failed,
     * and on a full disk those are what keeps it full. Returns the bytes removed.
     */
    private static long removeUnreferenced(Directory dir, Path index, Set<String> before) {
        Set<String> keep = new HashSet<>(before);
        try {
            if (DirectoryReader.indexExists(dir)) {
                keep.addAll(SegmentInfos.readLatestCommit(dir).files(true));
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long removed = 0;
        try {
            for (String name : dir.listAll()) {
                if (!keep.contains(name) && !name.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Path file = index.resolve(name);
                    removed += Files.size(file);
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // What could not be removed is removed by the next run's writer.
        }
        return removed;
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static IndexDiskFullException diskFull(Path index, Corpus corpus, long written, Throwable cause) {
        long corpusBytes = corpus.files().stream().mapToLong(CorpusFile::size).sum();
        long free;
        try {
            free = Files.getFileStore(index).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        // An index takes about twice its text, which it stores uncompressed (IndexCodec).
        return new IndexDiskFullException(String.format(java.util.Locale.ROOT,
                "no space left on the disk of the index folder %s: the reindex had written %.1f MB when the disk filled, "
                        + "and needs about %.1f MB free (the corpus is %.1f MB; an index takes about twice its text)%s. "
                        + "Its partial files were removed and the previous index is kept",
                index.toAbsolutePath().normalize(), mb(written), mb(Math.max(written, 2 * corpusBytes)), mb(corpusBytes),
                free < 0 ? "" : String.format(java.util.Locale.ROOT, "; %.1f MB are free now", mb(free))), cause);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static IndexWriter openWriter(Directory dir, Path indexPath) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(DrugTextAnalyzer.forIndexing())
                .setSimilarity(new Scoring())
                .setCodec(new IndexCodec())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64);
        try {
            return new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException(indexPath);
        }
    }

    private ReindexSummary write(IndexWriter writer, Corpus corpus, Map<String, MonographFiles.State> indexed,
                                 String fullReason, Options options, long start) throws IOException {
        if (fullReason != null) {
            writer.deleteAll();
        }
        List<Problem> skipped = Collections.synchronizedList(new ArrayList<>(MonographFiles.skipped(corpus)));
        List<Problem> warnings = Collections.synchronizedList(new ArrayList<>(MonographFiles.warnings(corpus)));
        Set<String> present = new HashSet<>();
        corpus.files().forEach(f -> present.add(f.source()));
        skipped.forEach(p -> present.add(p.source()));

        AtomicInteger added = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicLong sections = new AtomicLong();
        List<CorpusFile> candidates = new ArrayList<>();
        for (CorpusFile f : corpus.files()) {
            if (MonographFiles.looksUnchanged(f, indexed.get(f.source()))) {
                unchanged.incrementAndGet();
            } else {
                candidates.add(f);
            }
        }
        int threads = Math.max(1, options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>(candidates.size());
            for (CorpusFile f : candidates) {
                futures.add(pool.submit(() -> {
                    MonographFiles.State state = indexed.get(f.source());
                    Outcome outcome = indexOne(writer, f, state, skipped, warnings, sections);
                    switch (outcome) {
                        case ADDED -> added.incrementAndGet();
                        case UPDATED -> updated.incrementAndGet();
                        case UNCHANGED -> unchanged.incrementAndGet();
                        case SKIPPED -> { }
                    }
                    return null;
                }));
            }
            int finished = 0;
            for (Future<?> future : futures) {
                await(future);
                progress.filesIndexed(++finished, futures.size());
            }
            flushInParallel(writer, pool, threads);
        } finally {
            pool.shutdownNow();
            awaitStopped(pool);
        }
        int removed = 0;
        for (String source : indexed.keySet()) {
            if (!present.contains(source)) {
                writer.deleteDocuments(new Term(Schema.SOURCE, source));
                removed++;
            }
        }
        if (added.get() + updated.get() + unchanged.get() == 0) {
            throw new CorpusException("none of the " + corpus.files().size() + " monograph files in " + options.corpus()
                    + " could be indexed (first problem: " + (skipped.isEmpty() ? "unknown" : skipped.get(0))
                    + "); the index was left as it was");
        }
        boolean changed = fullReason != null || added.get() + updated.get() + removed > 0 || writer.hasUncommittedChanges();
        if (changed) {
            Map<String, String> userData = new HashMap<>();
            userData.put(Schema.COMMIT_SCHEMA, Schema.VERSION);
            userData.put(Schema.COMMIT_TIME, Long.toString(System.currentTimeMillis()));
            try (DirectoryReader written = DirectoryReader.open(writer)) {
                userData.put(Schema.COMMIT_CONTENT, IndexedFiles.contentVersion(IndexedFiles.read(written)));
            }
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<Problem> sortedSkipped = new ArrayList<>(skipped);
        sortedSkipped.sort((a, b) -> a.source().compareTo(b.source()));
        List<Problem> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort((a, b) -> a.source().compareTo(b.source()));
        return new ReindexSummary(corpus.files().size(), added.get(), updated.get(), removed, unchanged.get(),
                sortedSkipped, sortedWarnings, sections.get(), fullReason, changed, millis);
    }

    /**
     * Writes each indexing thread's buffered documents as a segment, one buffer per thread at once. Left to
     * {@code commit()}, all buffers are flushed one after the other on the committing thread while the others idle:
     * that was a sixth of a full reindex.
     */
    private static void flushInParallel(IndexWriter writer, ExecutorService pool, int threads) throws IOException {
        List<Future<?>> flushes = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            flushes.add(pool.submit(() -> writer.flushNextBuffer()));
        }
        for (Future<?> flush : flushes) {
            await(flush);
        }
    }

    /** No indexing thread may still be writing when a failed run is rolled back and its files removed. */
    private static void awaitStopped(ExecutorService pool) {
        try {
            pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Outcome { ADDED, UPDATED, UNCHANGED, SKIPPED }

    private Outcome indexOne(IndexWriter writer, CorpusFile f, MonographFiles.State state,
                             List<Problem> skipped, List<Problem> warnings, AtomicLong sections)
            throws IOException {
        Term id = new Term(Schema.SOURCE, f.source());
        MonographFiles.Read read = files.read(f, state, warnings);
        if (read instanceof MonographFiles.Skipped s) {
            skipped.add(s.problem());
            return Outcome.SKIPPED;
        }
        if (read instanceof MonographFiles.SameContent) {
            // Same content, newer timestamp: remember the timestamp so the next run need not read the file.
            writer.updateNumericDocValue(id, Schema.FILE_MODIFIED, f.modified());
            return Outcome.UNCHANGED;
        }
        MonographFiles.Parsed p = (MonographFiles.Parsed) read;
        var docs = Schema.documents(p.parsed().monograph(), p.file());
        try {
            writer.updateDocuments(id, docs);
        } catch (IllegalArgumentException e) {
            // Lucene refuses a document it cannot hold (a term over 32 KB: a heading of a hundred thousand
            // characters) before any of the file's sections is written or its old ones deleted; the rest goes on.
            skipped.add(MonographFiles.skipped(f, "cannot be indexed (" + firstSentence(e.getMessage()) + ")", state).problem());
            return Outcome.SKIPPED;
        }
        sections.addAndGet(docs.size());
        return state == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    /** Lucene's messages go on to quote the offending bytes: the first sentence says what is wrong. */
    private static String firstSentence(String message) {
        int end = message == null ? -1 : message.indexOf(". ");
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reindex interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
