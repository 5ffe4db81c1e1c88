package monosearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import monosearch.index.CorpusException;
import monosearch.index.Folders;
import monosearch.index.ReindexSummary;
import monosearch.search.LiveIndex;

/**
 * Opens the index a server will read, building it first when it is missing or empty, and rebuilding it from
 * the corpus when it cannot be read (it is derived data). The broken index is only replaced once the new one
 * is complete, so a failed rebuild loses nothing.
 */
final class ServedIndex {
    private ServedIndex() {
    }

    static LiveIndex open(IndexOptions options, long refreshMillis) throws Exception {
        Path index = options.index;
        if (!IndexCheck.hasIndexQuietly(index)) {
            System.err.println("monosearch: no index at " + index + " yet; building it from " + options.corpus);
            build(options, index);
        }
        try {
            return LiveIndex.open(index, refreshMillis);
        } catch (IOException | RuntimeException e) {
            return rebuild(options, refreshMillis, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static LiveIndex rebuild(IndexOptions options, long refreshMillis, String reason) throws Exception {
        Path index = options.index.toAbsolutePath().normalize();
        System.err.println("monosearch: the index at " + index + " cannot be read (" + reason + "); "
                + "rebuilding it from " + options.corpus);
        Path fresh = index.resolveSibling(index.getFileName() + ".rebuild");
        Folders.deleteTree(fresh);
        try {
            build(options, fresh);
        } catch (CorpusException e) {
            throw new CorpusException("the index at " + index + " is unreadable and cannot be rebuilt: " + e.getMessage()
                    + ". Fix: point --corpus at the monograph folder, or delete " + index + " and run reindex");
        }
        Folders.deleteTree(index);
        Files.move(fresh, index);
        return LiveIndex.open(index, refreshMillis);
    }

    private static void build(IndexOptions options, Path into) throws Exception {
        IndexOptions target = options.withIndex(into);
        ReindexSummary summary = Services.reindexer(target, System.err).run(Services.reindexOptions(target, true));
        System.err.println(Summaries.describe(summary));
    }
}
