package monosearch.solrplugin;

import java.util.ArrayList;
import java.util.List;
import monosearch.search.QueryPlanner;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/** A search on the collection as the contract says a server makes one: attempts, then diversify and page. */
final class SolrSearch {
    record Hit(String slug, String section, String anchor, float score, String snippet) {
    }

    /** A page, and every ranked match the collection returned for it, in the collection's order. */
    record Page(long total, List<Hit> hits, String suggestion, List<Hit> ranked) {
    }

    private SolrSearch() {
    }

    static Page search(SolrClient client, String query, int offset, int limit) throws Exception {
        return search(client, Cluster.COLLECTION, query, offset, limit);
    }

    static Page search(SolrClient client, String collection, String query, int offset, int limit) throws Exception {
        int window = QueryPlanner.window(offset, limit);
        for (int attempt = 0; ; attempt++) {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", query);
            p.set("attempt", attempt);
            p.set("window", window);
            QueryRequest request = new QueryRequest(p);
            request.setPath("/monosearch");
            NamedList<Object> rsp = client.request(request, collection);
            for (int tried = 1; tried < 3 && !(rsp.get("response") instanceof SolrDocumentList); tried++) {
                // As the service's client does: a node that is stopping may answer without results.
                rsp = client.request(request, collection);
            }
            SolrDocumentList docs = (SolrDocumentList) rsp.get("response");
            @SuppressWarnings("unchecked")
            NamedList<Object> info = (NamedList<Object>) rsp.get("monosearch");
            int attempts = ((Number) info.get("attempts")).intValue();
            if (docs.getNumFound() == 0 && attempt + 1 < attempts) {
                continue;
            }
            float[] scores = new float[docs.size()];
            String[] slugs = new String[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
                scores[i] = ((Number) docs.get(i).getFieldValue("score")).floatValue();
                slugs[i] = (String) docs.get(i).getFieldValue("slug");
            }
            int[] order = QueryPlanner.pageOrder(scores, slugs, (Boolean) info.get("namesDrug"),
                    Boolean.TRUE.equals(info.get("severalDrugs")));
            List<Hit> ranked = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                SolrDocument d = docs.get(i);
                ranked.add(new Hit(slugs[i], (String) d.getFieldValue("section"), (String) d.getFieldValue("anchor"),
                        scores[i], (String) d.getFieldValue("snippet")));
            }
            List<Hit> hits = new ArrayList<>();
            for (int i = offset; i < Math.min(order.length, offset + limit); i++) {
                hits.add(ranked.get(order[i]));
            }
            String suggestion = docs.getNumFound() == 0 ? null : (String) info.get("suggestion");
            return new Page(docs.getNumFound(), hits, suggestion, ranked);
        }
    }
}
