package monosearch.solrplugin;

import java.io.IOException;
import java.util.List;
import monosearch.search.DrugNames;
import monosearch.search.IndexSnapshot;
import monosearch.search.Planned;
import monosearch.search.QueryPlanner;
import org.apache.lucene.search.IndexSearcher;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.request.SolrQueryRequest;

/**
 * Plans a {@code /monosearch} query once, on the node that received it, with the whole collection's words and
 * drug names, and hands the decisions to every shard ({@link Params#DECISIONS}): drug names, typo alternatives,
 * completions and the relaxed retry are then the same on every shard. Also sets the rows the embedded engine
 * ranks for the window asked, and reports what the server presents: attempts, whether a drug is named, the
 * did-you-mean.
 */
public final class MonosearchComponent extends SearchComponent {
    private final QueryPlanner planner = QueryPlanner.withDefaults();
    private final CollectionVocabulary vocabulary = new CollectionVocabulary();

    @Override
    public void prepare(ResponseBuilder rb) throws IOException {
        SolrParams params = rb.req.getParams();
        if (params.getBool(ShardParams.IS_SHARD, false)) {
            return;
        }
        String text = params.get(CommonParams.Q, "");
        if (text.isBlank()) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "q is empty: give the words to search for");
        }
        List<String> drugs = Params.all(params, Params.DRUG);
        Planned planned = planned(rb, text, drugs);
        int window = Params.window(params);
        ModifiableSolrParams p = new ModifiableSolrParams(params);
        p.set(Params.DECISIONS, planned.decisions());
        p.set(Params.WINDOW, window);
        p.set(CommonParams.ROWS, planned.proximity() != null ? window : Planned.depth(window));
        rb.req.setParams(p);
        SimpleOrderedMap<Object> info = new SimpleOrderedMap<>();
        info.add("attempts", planned.attempts().size());
        info.add("namesDrug", planned.namesDrug());
        String suggestion = planned.suggestion(text);
        if (suggestion != null) {
            info.add("suggestion", suggestion);
        }
        rb.rsp.add("monosearch", info);
    }

    private Planned planned(ResponseBuilder rb, String text, List<String> drugs) throws IOException {
        try {
            if (rb.shards != null && rb.shards.length > 0) {
                CollectionVocabulary.Facts facts = vocabulary.current(rb);
                return planner.decide(text, drugs, facts.reader(), facts.drugs(),
                        (phrase, slugs) -> vocabulary.sectionsElsewhere(rb, phrase, slugs));
            }
            return decideLocally(planner, text, drugs, rb.req);
        } catch (IllegalArgumentException e) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "the query expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms; use fewer prefix* words or a longer start for each");
        }
    }

    /** Planning with this core's own index: a collection of one shard, or a core on its own. */
    static Planned decideLocally(QueryPlanner planner, String text, List<String> drugs, SolrQueryRequest req)
            throws IOException {
        IndexSearcher searcher = req.getSearcher();
        DrugNames names = new DrugNames(IndexSnapshot.drugsIn(searcher.getIndexReader()));
        return planner.decide(text, drugs, searcher.getIndexReader(), names,
                (phrase, slugs) -> planner.sectionsElsewhere(searcher, phrase, slugs));
    }

    @Override
    public void process(ResponseBuilder rb) {
        // The query component searches; this one only planned.
    }

    @Override
    public String getDescription() {
        return "monosearch: collection-wide planning";
    }
}
