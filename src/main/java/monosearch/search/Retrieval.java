package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import monosearch.index.Schema;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the matches of a plan: the first of its attempts that matches anything, every match counted, the best
 * ones scored and raised where their words stand together.
 */
final class Retrieval {
    /**
     * The first pass's order: best score first, equal scores by monograph, then section position. Not by index order
     * (Lucene's own tie-break): that depends on how a reindex spread files over its threads, and on which shard a
     * monograph is, so the best matches kept where scores tie at the cut would differ between two indexes of the
     * same files.
     */
    static final Sort FIRST_PASS = new Sort(SortField.FIELD_SCORE,
            new SortField(Schema.SLUG, SortField.Type.STRING), new SortField(Schema.POSITION, SortField.Type.INT));

    /** {@link #FIRST_PASS} with slugs compared by ordinal: the same order and sort values, for this index only. */
    private static final Sort FIRST_PASS_HERE = new Sort(SortField.FIELD_SCORE,
            new SortField(Schema.SLUG, new SlugOrder()), new SortField(Schema.POSITION, SortField.Type.INT));

    /**
     * @param top     the first pass's best matches ({@link #depth} of them, in {@link #FIRST_PASS} order), each with
     *                its rescored score; ranked as rescored until the ranking policy adjusts them
     * @param total   every match
     * @param counts  every match per section name and per monograph
     * @param matched the attempt that matched, rewritten, without the section filter (for the section facet)
     * @param countNanos time spent counting, over every attempt
     * @param rankNanos  time spent scoring and rescoring, over every attempt
     */
    record Found(List<RankedMatch> top, long total, MatchCounts.Counts counts, Query matched, long countNanos, long rankNanos) {
    }

    private Retrieval() {
    }

    /** @param terms the search's term look-ups, shared with its snippets */
    static Found first(IndexSearcher searcher, LuceneQueries.Plan plan, List<String> sections, int window,
                       LookedUpTerms terms) throws IOException {
        Found found = null;
        long countNanos = 0;
        long rankNanos = 0;
        for (Query attempt : plan.attempts()) {
            Query rewritten = searcher.rewrite(attempt);
            long lookingUp = System.nanoTime();
            Query matched = terms.of(rewritten);
            // The look-ups were the count's before (its weights made them): counted there still.
            countNanos += System.nanoTime() - lookingUp;
            found = run(searcher, matched, LuceneQueries.onlySections(matched, sections), plan.proximity(), window);
            countNanos += found.countNanos();
            rankNanos += found.rankNanos();
            if (found.total() > 0 || searcher.timedOut()) {
                break;
            }
        }
        return new Found(found.top(), found.total(), found.counts(), found.matched(), countNanos, rankNanos);
    }

    /**
     * Counting every match needs no scores, and ranking needs scores for the best matches only, so the two are
     * separate passes: the count iterates matches without scoring them, the ranking skips whole blocks of
     * matches that cannot reach the top (block-max WAND). Words standing together then raise the best of
     * those: reading positions for every match would cost more than all the rest.
     */
    private static Found run(IndexSearcher searcher, Query matched, Query query, Query proximity, int window)
            throws IOException {
        long start = System.nanoTime();
        MatchCounts.Counts counts = searcher.search(new ConstantScoreQuery(query), new MatchCounts());
        long total = counts.sections().stream().mapToLong(SearchResult.FacetValue::count).sum();
        long counted = System.nanoTime();
        if (total == 0) {
            return new Found(List.of(), 0, counts, matched, counted - start, 0);
        }
        int depth = depth(window);
        TopFieldDocs first = searcher.search(query, new TopFieldCollectorManager(FIRST_PASS_HERE, depth, null, depth, false));
        return new Found(rescored(searcher, first, proximity), total, counts, matched, counted - start,
                System.nanoTime() - counted);
    }

    /** How many best matches are scored for a window of them: enough for proximity to reorder. */
    static int depth(int window) {
        return Math.max(window, RankingPolicy.RESCORED);
    }

    /**
     * How many of the first pass's best matches a window ranks: the window once proximity reordered them; all of them
     * when nothing does, as the first pass's order is then final but for the ranking policy.
     */
    static int kept(int window, Query proximity) {
        return proximity == null ? depth(window) : window;
    }

    /**
     * The first pass's best matches (sorted by {@link #FIRST_PASS}), each raised where its words stand together, in the
     * first pass's order; which of them the window keeps is {@link RankingPolicy#select}'s choice. Every one is
     * rescored: what a match gets from proximity does not depend on the others, only the cut does.
     */
    static List<RankedMatch> rescored(IndexSearcher searcher, TopFieldDocs first, Query proximity) throws IOException {
        // A field sort leaves ScoreDoc.score unset (NaN): the score is the sort's first value. Each match carries its
        // place in the first pass as its shard index, which the rescorer keeps, so its rescored score goes back to
        // that place: no map from doc to score.
        int n = first.scoreDocs.length;
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (Float) ((FieldDoc) first.scoreDocs[i]).fields[0];
        }
        float[] raised = scores;
        if (proximity != null && n > 0) {
            ScoreDoc[] copies = new ScoreDoc[n];
            for (int i = 0; i < n; i++) {
                copies[i] = new ScoreDoc(first.scoreDocs[i].doc, scores[i], i);
            }
            raised = scores.clone();
            for (ScoreDoc d : QueryRescorer.rescore(searcher, new TopDocs(first.totalHits, copies), proximity, 1, n).scoreDocs) {
                raised[d.shardIndex] = d.score;
            }
        }
        List<RankedMatch> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] keys = ((FieldDoc) first.scoreDocs[i]).fields;
            String slug = keys[1] == null ? "" : ((BytesRef) keys[1]).utf8ToString();
            out.add(new RankedMatch(first.scoreDocs[i].doc, slug, (Integer) keys[2], scores[i], raised[i], raised[i]));
        }
        return out;
    }

    /** Matches per section name of a query, ignoring any section filter, so the other sections stay choosable. */
    static List<SearchResult.FacetValue> sectionCounts(IndexSearcher searcher, Query matched) throws IOException {
        return searcher.search(new ConstantScoreQuery(matched), new MatchCounts()).sections();
    }
}
