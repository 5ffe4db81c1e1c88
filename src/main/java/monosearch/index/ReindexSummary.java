package monosearch.index;

import java.util.List;
import monosearch.monograph.Corpus.Problem;

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
}
