package monosearch.solrplugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import monosearch.search.Planned;
import monosearch.search.RankedMatch;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.handler.component.MergeStrategy;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardDoc;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * The coordinator's merge of a distributed {@code /monosearch} search: instead of Solr's merge by score, core's
 * {@link Planned#select} over every shard's scored matches (each shard's first pass, as deep as the embedded engine's).
 * The embedded engine rescores its best matches overall, keeps the window of them, and breaks ties by monograph; per
 * shard, the best matches are another set and ties fall by shard. Every score of a match depends on it and its
 * monograph alone (on one shard), so choosing from the union by the same rules is exactly the one index's ranking.
 */
final class RankingMerge implements MergeStrategy {
    private final Planned planned;
    private final int window;

    RankingMerge(Planned planned, int window) {
        this.planned = planned;
        this.window = window;
    }

    @Override
    public void merge(ResponseBuilder rb, ShardRequest sreq) {
        String uniqueKey = rb.req.getSchema().getUniqueKeyField().getName();
        List<RankedMatch> matches = new ArrayList<>();
        List<ShardDoc> shardDocs = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        long numFound = 0;
        boolean partial = false;
        for (ShardResponse r : sreq.responses) {
            if (r.getException() != null || r.getSolrResponse() == null) {
                partial = true;
                continue;
            }
            NamedList<Object> response = r.getSolrResponse().getResponse();
            SolrDocumentList docs = (SolrDocumentList) response.get("response");
            if (docs == null) {
                partial = true;
                continue;
            }
            numFound += docs.getNumFound();
            if (docs.isEmpty()) {
                continue;
            }
            if (!(response.get(ShardRankingComponent.RESPONSE_KEY) instanceof NamedList<?> scored)) {
                throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "shard " + r.getShard()
                        + " sent no " + ShardRankingComponent.RESPONSE_KEY + ": every node needs the same monosearch plugin and configset");
            }
            List<?> first = (List<?>) scored.get("first");
            List<?> rescored = (List<?>) scored.get("rescored");
            List<?> ranked = (List<?>) scored.get("ranked");
            List<?> slug = (List<?>) scored.get("slug");
            List<?> position = (List<?>) scored.get("position");
            for (int i = 0; i < docs.size(); i++) {
                SolrDocument doc = docs.get(i);
                Object id = doc.getFieldValue(uniqueKey);
                if (!seen.add(id)) {
                    numFound--;
                    continue;
                }
                ShardDoc sd = new ShardDoc();
                sd.id = id;
                sd.shard = r.getShard();
                sd.orderInShard = i;
                sd.score = ((Number) ranked.get(i)).floatValue();
                matches.add(new RankedMatch(shardDocs.size(), (String) slug.get(i), ((Number) position.get(i)).intValue(),
                        ((Number) first.get(i)).floatValue(), ((Number) rescored.get(i)).floatValue(), sd.score));
                shardDocs.add(sd);
            }
        }
        List<RankedMatch> ranked = planned.select(matches, window);
        // The server asks from 0 and pages itself; a start given anyway is honoured as Solr's own merge would.
        int start = Math.min(rb.getSortSpec().getOffset(), ranked.size());
        List<RankedMatch> page = ranked.subList(start, Math.min(ranked.size(), start + rb.getSortSpec().getCount()));
        Map<Object, ShardDoc> resultIds = new HashMap<>();
        for (int i = 0; i < page.size(); i++) {
            ShardDoc sd = shardDocs.get(page.get(i).doc());
            sd.positionInResponse = i;
            resultIds.put(sd.id.toString(), sd);
        }
        SolrDocumentList responseDocs = new SolrDocumentList();
        responseDocs.setNumFound(numFound);
        responseDocs.setNumFoundExact(true);
        responseDocs.setStart(start);
        if (!ranked.isEmpty()) {
            responseDocs.setMaxScore(ranked.get(0).ranked());
        }
        for (int i = 0; i < page.size(); i++) {
            responseDocs.add(null);
        }
        rb.resultIds = resultIds;
        rb.setResponseDocs(responseDocs);
        if (partial) {
            rb.rsp.getResponseHeader().asShallowMap().put(SolrQueryResponse.RESPONSE_HEADER_PARTIAL_RESULTS_KEY, Boolean.TRUE);
        }
    }

    @Override
    public boolean mergesIds() {
        return true;
    }

    @Override
    public boolean handlesMergeFields() {
        return false;
    }

    @Override
    public void handleMergeFields(ResponseBuilder rb, SolrIndexSearcher searcher) {
    }

    @Override
    public int getCost() {
        return 0;
    }
}
