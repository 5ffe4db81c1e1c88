package monosearch.solrplugin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import monosearch.index.Schema;
import monosearch.search.DrugNames;
import monosearch.search.IndexSnapshot;
import monosearch.search.Planned;
import monosearch.search.QueryPlanner;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.FacetParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.SolrIndexSearcher;

/**
 * Plans a {@code /monosearch} query once, on the node that received it, with the whole collection's words and
 * drug names, and hands the decisions to every shard ({@link Params#DECISIONS}): drug names, typo alternatives,
 * completions and the relaxed retry are then the same on every shard. Also asks every shard for the first pass the
 * embedded engine scores for the window asked, ranks them together ({@link RankingMerge}), and reports what the
 * server presents: attempts, whether a drug is named, the did-you-mean.
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
        boolean matched = params.getBool(Params.MATCHED, false);
        if (matched && drugs.size() != 1) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST,
                    "matched=true needs exactly one drug: the slug of the monograph whose matched words to list");
        }
        Planned planned = planned(rb, text, drugs);
        int window = Params.window(params);
        ModifiableSolrParams p = new ModifiableSolrParams(params);
        p.set(Params.DECISIONS, planned.decisions());
        p.set(Params.WINDOW, window);
        // Every shard sends its whole first pass: the window is chosen from all of them together (RankingMerge).
        p.set(CommonParams.ROWS, matched ? 0 : Planned.depth(window));
        if (matched) {
            p.set(FacetParams.FACET, false);
        }
        rb.req.setParams(p);
        if (rb.isDistributed()) {
            rb.addMergeStrategy(new RankingMerge(planned, window));
        }
        SimpleOrderedMap<Object> info = new SimpleOrderedMap<>();
        info.add("attempts", planned.attempts().size());
        info.add("namesDrug", planned.namesDrug());
        info.add("severalDrugs", planned.namesSeveralDrugs());
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

    /**
     * The query component searches; this one, asked for matched words, lists them for the monograph if this core
     * holds it (a monograph's sections are all on one shard).
     */
    @Override
    public void process(ResponseBuilder rb) throws IOException {
        SolrParams params = rb.req.getParams();
        if (!params.getBool(Params.MATCHED, false) || !(rb.getQuery() instanceof MonosearchQuery query)) {
            return;
        }
        SolrIndexSearcher searcher = rb.req.getSearcher();
        String slug = Params.all(params, Params.DRUG).get(0);
        ScoreDoc[] sections = searcher.search(new TermQuery(new Term(Schema.SLUG, slug)), Math.max(1, searcher.maxDoc())).scoreDocs;
        int[] ids = new int[sections.length];
        String[] bodies = new String[sections.length];
        for (int i = 0; i < sections.length; i++) {
            ids[i] = sections[i].doc;
            String body = searcher.getDocFetcher().doc(ids[i], Set.of(Schema.BODY)).get(Schema.BODY);
            bodies[i] = body == null ? "" : body;
        }
        rb.rsp.add(Params.MATCHED_WORDS, new ArrayList<>(query.planned().matchedWords(searcher, ids, bodies)));
    }

    /** Matched words, on the node that received the request: the union of the shards' (one of them has any). */
    @Override
    public void handleResponses(ResponseBuilder rb, ShardRequest sreq) {
        if ((sreq.purpose & ShardRequest.PURPOSE_GET_TOP_IDS) == 0 || !rb.req.getParams().getBool(Params.MATCHED, false)) {
            return;
        }
        Set<String> words = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ShardResponse r : sreq.responses) {
            if (r.getSolrResponse() != null && r.getSolrResponse().getResponse().get(Params.MATCHED_WORDS) instanceof Collection<?> c) {
                c.forEach(w -> words.add((String) w));
            }
        }
        rb.rsp.add(Params.MATCHED_WORDS, new ArrayList<>(words));
    }

    @Override
    public String getDescription() {
        return "monosearch: collection-wide planning";
    }
}
