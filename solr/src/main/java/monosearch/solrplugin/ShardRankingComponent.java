package monosearch.solrplugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import monosearch.search.RankedMatch;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;

/**
 * On a shard of a distributed {@code /monosearch} search, after the query component: sends, beside the ids and
 * scores it returns, each match's score at every step of the ranking and its monograph and section position (under
 * {@link #RESPONSE_KEY}, in the order of the returned docs), which {@link RankingMerge} ranks all shards' matches by.
 */
public final class ShardRankingComponent extends SearchComponent {
    /** Where {@link MonosearchQuery} leaves its matches, by Lucene doc id, in the request's context. */
    static final String SCORED = "monosearch.scored";
    /** The shard response's entry: lists first, rescored, ranked, slug, position, one value per returned doc. */
    static final String RESPONSE_KEY = "monosearch.scored";

    @Override
    public void prepare(ResponseBuilder rb) {
    }

    @Override
    public void process(ResponseBuilder rb) {
        if (!rb.req.getParams().getBool(ShardParams.IS_SHARD, false) || rb.getResults() == null
                || !(rb.req.getContext().get(SCORED) instanceof Map<?, ?> scored)) {
            return;
        }
        DocList docs = rb.getResults().docList;
        List<Float> first = new ArrayList<>(docs.size());
        List<Float> rescored = new ArrayList<>(docs.size());
        List<Float> ranked = new ArrayList<>(docs.size());
        List<String> slug = new ArrayList<>(docs.size());
        List<Integer> position = new ArrayList<>(docs.size());
        for (DocIterator it = docs.iterator(); it.hasNext(); ) {
            int doc = it.nextDoc();
            if (!(scored.get(doc) instanceof RankedMatch m)) {
                throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "doc " + doc + " was returned but not scored by monosearch");
            }
            first.add(m.first());
            rescored.add(m.rescored());
            ranked.add(m.ranked());
            slug.add(m.slug());
            position.add(m.position());
        }
        SimpleOrderedMap<Object> out = new SimpleOrderedMap<>();
        out.add("first", first);
        out.add("rescored", rescored);
        out.add("ranked", ranked);
        out.add("slug", slug);
        out.add("position", position);
        rb.rsp.add(RESPONSE_KEY, out);
    }

    @Override
    public String getDescription() {
        return "monosearch: every returned match's scores, for the coordinator's ranking";
    }
}
