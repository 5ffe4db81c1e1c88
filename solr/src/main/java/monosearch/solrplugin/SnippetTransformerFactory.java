package monosearch.solrplugin;

import java.io.IOException;
import java.util.Set;
import monosearch.index.Schema;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.ResultContext;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.search.SolrIndexSearcher;

/** {@code [monosearch.snippet]}: each hit's snippet, made by core's own snippet code from the planned query. */
public final class SnippetTransformerFactory extends TransformerFactory {
    @Override
    public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
        return new DocTransformer() {
            private ResultContext context;

            @Override
            public String getName() {
                return field;
            }

            @Override
            public void setContext(ResultContext context) {
                this.context = context;
            }

            @Override
            public void transform(SolrDocument doc, int docid) throws IOException {
                Query query = context == null ? null : context.getQuery();
                if (!(query instanceof MonosearchQuery q)) {
                    return;
                }
                SolrIndexSearcher searcher = context.getSearcher();
                String body = searcher.getDocFetcher().doc(docid, Set.of(Schema.BODY)).get(Schema.BODY);
                doc.setField(field, q.planned().snippets(searcher, new int[] {docid}, new String[] {body == null ? "" : body})[0]);
            }
        };
    }
}
