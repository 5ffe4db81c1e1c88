package monosearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The editable tables a server reads, each null for the bundled one.
 *
 * @param sections section names and their heading variants (shapes parsing)
 * @param intents  query words that ask for a kind of section
 * @param synonyms query-time synonyms, Solr format
 * @param pins     pinned and hidden answers; null for none
 */
record TableFiles(Path sections, Path intents, Path synonyms, Path pins) {
    static final TableFiles BUNDLED = new TableFiles(null, null, null, null);

    /** A table named but not readable stops the start, rather than a server answering with the bundled one. */
    TableFiles {
        for (Path p : new Path[] {sections, intents, synonyms, pins}) {
            if (p != null && !Files.isReadable(p)) {
                throw new IllegalArgumentException("the table file " + p + " does not exist or cannot be read");
            }
        }
    }
}
