package monosearch.solrplugin;

import monosearch.index.DrugTextAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/** The embedded index's analysis of drug text, for Solr's schema, which needs a public no-argument constructor. */
public final class IndexAnalyzer extends AnalyzerWrapper {
    private final Analyzer analyzer = DrugTextAnalyzer.forIndexing();

    public IndexAnalyzer() {
        super(Analyzer.PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
    }
}
