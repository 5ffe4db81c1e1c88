package monosearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import monosearch.monograph.Corpus.Problem;
import org.slf4j.Logger;

/**
 * What one reindex did.
 *
 * @param seen       monograph files found in the corpus
 * @param added      files new to the index
 * @param updated    files whose content changed
 * @param removed    files gone from the corpus, their sections deleted
 * @param unchanged  files left as they were
 * @param skipped    files that could not be indexed, with the reason
 * @param warnings   files indexed despite a problem (repaired text, bad front matter, ...)
 * @param sections   section documents written
 * @param fullRebuild whether every file was indexed anew, and why
 * @param committed  whether a new index version was committed (false when nothing changed)
 * @param millis     wall time
 */
public record ReindexSummary(int seen, int added, int updated, int removed, int unchanged,
                             List<Problem> skipped, List<Problem> warnings, long sections,
                             String fullRebuild, boolean committed, long millis) {
    public ReindexSummary {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public boolean isFull() {
        return fullRebuild != null;
    }

    /** As people read it: a line for the run, then a line for each file skipped or indexed with a warning. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        StringBuilder first = new StringBuilder(String.format(Locale.ROOT,
                "reindex: %d files seen: %d added, %d updated, %d removed, %d unchanged, %d skipped; "
                        + "%d sections written in %.2f s",
                seen, added, updated, removed, unchanged, skipped.size(), sections, millis / 1000.0));
        if (isFull()) {
            first.append(" (full rebuild: ").append(fullRebuild).append(')');
        }
        if (!committed) {
            first.append(" (index already up to date)");
        }
        out.add(first.toString());
        skipped.forEach(p -> out.add("skipped " + p.source() + ": " + p.reason()));
        warnings.forEach(p -> out.add("warning " + p.source() + ": " + p.reason()));
        return out;
    }

    /** The summary in a log: the run at INFO, each file skipped or repaired at WARN. */
    public void log(Logger log) {
        List<String> lines = lines();
        log.info(lines.get(0));
        lines.subList(1, lines.size()).forEach(log::warn);
    }
}
