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
 */
public record SearchResult(String query, long total, double tookMs, List<Hit> hits, Facets facets, String suggestion,
                           boolean partial) {

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
