package monosearch.solrplugin;

import monosearch.search.QueryPlanner;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * {@code {!monosearch.sections}}: the request's {@code section} parameters as the embedded engine's section
 * filter (everything when there are none). A filter of its own, so the section facet can leave it out.
 */
public final class SectionsQParserPlugin extends QParserPlugin {
    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() {
                return QueryPlanner.onlySections(new MatchAllDocsQuery(), Params.all(getParams(), Params.SECTION));
            }
        };
    }
}
