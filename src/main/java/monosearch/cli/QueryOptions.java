package monosearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The editable tables that shape how queries are read, shared by the commands that search. */
final class QueryOptions {
    @Option(names = "--intents", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_INTENTS}",
            description = "Query intent table (words that ask for a kind of section) instead of the bundled one "
                    + "(env MONOSEARCH_INTENTS).")
    Path intents;

    @Option(names = "--synonyms", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_SYNONYMS}",
            description = "Synonyms file in the Solr format instead of the bundled one (env MONOSEARCH_SYNONYMS).")
    Path synonyms;
}
