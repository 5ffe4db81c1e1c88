package monosearch.cli;

import monosearch.solr.SolrTarget;
import picocli.CommandLine.Option;

/** {@code --solr} and {@code --collection}: the same for serve and reindex. Without --solr, the embedded index. */
final class SolrOptions {
    @Option(names = "--solr", paramLabel = "URL[,URL...]", defaultValue = "${env:MONOSEARCH_SOLR}",
            description = "Use SolrCloud instead of the embedded index: base URLs of Solr nodes, comma-separated "
                    + "(http://host:8983/solr); requests are spread over them (env MONOSEARCH_SOLR).")
    String nodes;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "${env:MONOSEARCH_COLLECTION:-monosearch}",
            description = "With --solr: the collection, or the alias reindex keeps pointing at the current one "
                    + "(env MONOSEARCH_COLLECTION; default: ${DEFAULT-VALUE}).")
    String collection;

    /** The Solr target, or null for the embedded index. */
    SolrTarget target() {
        return nodes == null || nodes.isBlank() ? null : SolrTarget.parse(nodes, collection);
    }
}
