package monosearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One query planned: its Lucene queries, the decisions that made them, and the ranking steps the service applies
 * to the best matches of an index, for an engine running them on its own part of a collection.
 */
public final class Planned {
    private final Understanding understood;
    private final LuceneQueries.Plan plan;
    private final Snippets snippets;
    private final String decisions;

    Planned(Understanding understood, LuceneQueries.Plan plan, Snippets snippets, String decisions) {
        this.understood = understood;
        this.plan = plan;
        this.snippets = snippets;
        this.decisions = decisions;
    }

    Planned withDecisions(String written) {
        return new Planned(understood, plan, snippets, written);
    }

    Understanding understood() {
        return understood;
    }

    LuceneQueries.Plan plan() {
        return plan;
    }

    /** The queries to try in order until one matches anything, collection-wide. */
    public List<Query> attempts() {
        return plan.attempts();
    }

    /** What raises a best match whose words stand together; null when nothing does. */
    public Query proximity() {
        return plan.proximity();
    }

    /** The matching part only, for snippets and marked words. */
    public Query highlight() {
        return plan.highlight();
    }

    /** The answers planning was given, for {@link QueryPlanner#replay}. */
    public String decisions() {
        return decisions;
    }

    /** Whether the query names a drug: then its pages are not diversified. */
    public boolean namesDrug() {
        return understood.namesDrug();
    }

    public boolean namesSeveralDrugs() {
        return understood.namesSeveralDrugs();
    }

    /** "Did you mean": the typed query with its corrections, null when nothing was corrected. */
    public String suggestion(String typed) {
        return Presenter.suggestion(typed, understood);
    }

    /** How many best matches of one attempt are scored by the first pass, for a window of ranked ones. */
    public static int depth(int window) {
        return Retrieval.depth(window);
    }

    /**
     * The order in which an index's first pass must collect its {@link #depth} best matches for {@link #scored}:
     * best score first, equal scores by monograph, then section position, as the service's first pass does.
     */
    public static Sort firstPassOrder() {
        return Retrieval.FIRST_PASS;
    }

    /**
     * The service's scores of an index's best matches (its first pass, {@link #depth} deep, collected in
     * {@link #firstPassOrder}): each raised by proximity, then adjusted by what is known of its monograph and kind of
     * section. Nothing is cut yet: {@link #select} picks the window from these, or from every shard's. Exact on a shard
     * of a collection as long as every section of a monograph is on that shard.
     *
     * @param matched the query whose every match is counted per monograph (with any section filter)
     */
    public List<RankedMatch> scored(IndexSearcher searcher, TopFieldDocs firstPass, Query matched) throws IOException {
        List<RankedMatch> rescored = Retrieval.rescored(searcher, firstPass, plan.proximity());
        MatchCounts.Counts counts = searcher.search(new ConstantScoreQuery(matched), new MatchCounts());
        return RankingPolicy.rerank(searcher, rescored, counts, understood);
    }

    /**
     * The ranked matches of a window, best first, as the service ranks one index: from {@link #scored} matches of one
     * index, or of every shard of a collection together (each shard's first pass {@link #depth} deep).
     */
    public List<RankedMatch> select(Collection<RankedMatch> scored, int window) {
        return RankingPolicy.select(scored, Retrieval.depth(window), Retrieval.kept(window, plan.proximity()));
    }

    /** The service's snippets of these docs, whose body texts are given. */
    public String[] snippets(IndexSearcher searcher, int[] docIds, String[] bodies) throws IOException {
        return snippets.forDocs(searcher, plan.highlight(), docIds, bodies);
    }

    /** The words of these docs the query matched, as written. */
    public Set<String> matchedWords(IndexSearcher searcher, int[] docIds, String[] bodies) throws IOException {
        return snippets.matchedWords(searcher, plan.highlight(), docIds, bodies);
    }
}
