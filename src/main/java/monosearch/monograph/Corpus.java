package monosearch.monograph;

import java.util.List;

/**
 * What a scan of a corpus folder found.
 *
 * @param files    monograph files, sorted by source path, slugs made unique
 * @param problems files or folders passed over, each with the reason
 */
public record Corpus(List<CorpusFile> files, List<Problem> problems) {
    public Corpus {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** A file that could not be used as it is, and why. */
    public record Problem(String source, String reason) {
        @Override
        public String toString() {
            return source + ": " + reason;
        }
    }
}
