package monosearch.search;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param query      the query as received
 * @param total      matching sections
 * @param tookMs     time spent searching, in milliseconds
 * @param hits       the requested page
 * @param facets     matching sections per canonical section, over the whole result set
 * @param suggestion a corrected query that finds clearly more, or null
 * @param partial    the search ran out of its time budget: total, facets and hits cover what was found by then
 * @param timings    where the time went, for the server's metrics (not part of the API)
 */
public record SearchResult(String query, long total, double tookMs, List<Hit> hits, Facets facets, String suggestion,
                           boolean partial, Timings timings) {

    /** This answer again, for the same request asked anew, found in {@code tookMs} without running a phase. */
    SearchResult answering(String asked, double tookMs) {
        return new SearchResult(asked, total, tookMs, hits, facets, suggestion, partial, new Timings(0, 0, 0, 0));
    }

    /**
     * Nanoseconds each phase of one search took.
     *
     * @param plan     reading the query and building its Lucene queries
     * @param count    counting every match (per section and monograph)
     * @param rank     scoring the best matches, proximity, the ranking policy
     * @param snippets reading the page's hits and highlighting them
     */
    public record Timings(long plan, long count, long rank, long snippets) {
    }

    /** One matching section. */
    public record Hit(String drug, String slug, String section, String heading, List<String> path, String anchor,
                      String url, float score, String snippet) {
    }

    /** Counts per facet. */
    public record Facets(List<FacetValue> section) {
    }

    public record FacetValue(String value, long count) {
    }
}
