package monosearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import monosearch.index.CorpusException;
import monosearch.index.Folders;
import monosearch.index.ReindexSummary;
import monosearch.monograph.SectionNames;
import monosearch.search.LiveIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the index a server will read, building it first when it is missing or empty, and rebuilding it from
 * the corpus when it cannot be read (it is derived data). The broken index is only replaced once the new one
 * is complete, so a failed rebuild loses nothing.
 */
final class ServedIndex {
    private static final Logger log = LoggerFactory.getLogger(ServedIndex.class);

    private ServedIndex() {
    }

    static LiveIndex open(IndexSettings settings, long refreshMillis) throws Exception {
        return open(settings, Services.sectionNames(settings.sections()), refreshMillis);
    }

    /** Building with {@code names}, the sections table the server has loaded. */
    static LiveIndex open(IndexSettings settings, SectionNames names, long refreshMillis) throws Exception {
        Path index = settings.index();
        if (!IndexCheck.hasIndexQuietly(index)) {
            log.info("no index at {} yet; building it from {}", index, settings.corpus());
            build(settings, names, index);
        }
        try {
            return LiveIndex.open(index, refreshMillis);
        } catch (IOException | RuntimeException e) {
            return rebuild(settings, names, refreshMillis, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static LiveIndex rebuild(IndexSettings settings, SectionNames names, long refreshMillis, String reason) throws Exception {
        Path index = settings.index().toAbsolutePath().normalize();
        log.warn("the index at {} cannot be read ({}); rebuilding it from {}", index, reason, settings.corpus());
        Path fresh = index.resolveSibling(index.getFileName() + ".rebuild");
        Folders.deleteTree(fresh);
        try {
            build(settings, names, fresh);
        } catch (CorpusException e) {
            throw new CorpusException("the index at " + index + " is unreadable and cannot be rebuilt: " + e.getMessage()
                    + ". Fix: point --corpus at the monograph folder, or delete " + index + " and run reindex");
        }
        Folders.deleteTree(index);
        Files.move(fresh, index);
        return LiveIndex.open(index, refreshMillis);
    }

    private static void build(IndexSettings settings, SectionNames names, Path into) throws Exception {
        IndexSettings target = settings.withIndex(into);
        ReindexSummary summary = Services.reindexer(names, log::info).run(Services.reindexOptions(target, true));
        summary.log(log);
    }
}
