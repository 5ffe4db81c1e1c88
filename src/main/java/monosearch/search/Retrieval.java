package monosearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Finds the matches of a plan: the first of its attempts that matches anything, every match counted, the best
 * ones scored and raised where their words stand together.
 */
final class Retrieval {
    /**
     * @param top     the best matches, by Lucene's score and proximity
     * @param total   every match
     * @param counts  every match per section name and per monograph
     * @param matched the attempt that matched, rewritten, without the section filter (for the section facet)
     * @param countNanos time spent counting, over every attempt
     * @param rankNanos  time spent scoring and rescoring, over every attempt
     */
    record Found(ScoreDoc[] top, long total, MatchCounts.Counts counts, Query matched, long countNanos, long rankNanos) {
    }

    private Retrieval() {
    }

    static Found first(IndexSearcher searcher, LuceneQueries.Plan plan, List<String> sections, int window)
            throws IOException {
        Found found = null;
        long countNanos = 0;
        long rankNanos = 0;
        for (Query attempt : plan.attempts()) {
            Query matched = searcher.rewrite(attempt);
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
            return new Found(new ScoreDoc[0], 0, counts, matched, counted - start, 0);
        }
        int depth = depth(window);
        TopDocs top = rescored(searcher, searcher.search(query, new TopScoreDocCollectorManager(depth, null, depth, false)),
                proximity, window);
        return new Found(top.scoreDocs, total, counts, matched, counted - start, System.nanoTime() - counted);
    }

    /** How many best matches are scored for a window of them: enough for proximity to reorder. */
    static int depth(int window) {
        return Math.max(window, RankingPolicy.RESCORED);
    }

    /** The best matches raised where their words stand together, the window best of them; as they are without proximity. */
    static TopDocs rescored(IndexSearcher searcher, TopDocs top, Query proximity, int window) throws IOException {
        return proximity == null ? top : QueryRescorer.rescore(searcher, top, proximity, 1, window);
    }

    /** Matches per section name of a query, ignoring any section filter, so the other sections stay choosable. */
    static List<SearchResult.FacetValue> sectionCounts(IndexSearcher searcher, Query matched) throws IOException {
        return searcher.search(new ConstantScoreQuery(matched), new MatchCounts()).sections();
    }
}
