package monosearch.solrplugin;

import monosearch.index.DrugTextAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * The embedded engine's query analysis, for Solr's schema. The {@code monosearch} parser analyses with core's
 * own analyzer; this one serves anything else that asks the schema (field analysis screens, other parsers).
 */
public final class QueryAnalyzer extends AnalyzerWrapper {
    private final Analyzer analyzer = DrugTextAnalyzer.forQueries();

    public QueryAnalyzer() {
        super(Analyzer.PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
    }
}
