package monosearch.cli;

import java.util.Locale;
import monosearch.index.ReindexSummary;
import monosearch.monograph.Corpus.Problem;
import org.slf4j.Logger;

/** A reindex summary as people read it. */
final class Summaries {
    private Summaries() {
    }

    static String describe(ReindexSummary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "reindex: %d files seen: %d added, %d updated, %d removed, %d unchanged, %d skipped; "
                        + "%d sections written in %.2f s",
                s.seen(), s.added(), s.updated(), s.removed(), s.unchanged(), s.skipped().size(), s.sections(),
                s.millis() / 1000.0));
        if (s.isFull()) {
            out.append(" (full rebuild: ").append(s.fullRebuild()).append(')');
        }
        if (!s.committed()) {
            out.append(" (index already up to date)");
        }
        for (Problem p : s.skipped()) {
            out.append("\nskipped ").append(p.source()).append(": ").append(p.reason());
        }
        for (Problem p : s.warnings()) {
            out.append("\nwarning ").append(p.source()).append(": ").append(p.reason());
        }
        return out.toString();
    }

    /** The summary in the server log: one line for the run, one warning per file skipped or repaired. */
    static void log(Logger log, ReindexSummary s) {
        String[] lines = describe(s).split("\n");
        log.info(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            log.warn(lines[i]);
        }
    }
}
