package monosearch.analytics;

/**
 * One query's counts over some days.
 *
 * @param query       the query's key (folded words)
 * @param searches    times it was searched (first pages only)
 * @param zeroResults times it found nothing
 * @param opened      results of it that were opened from the search page
 */
public record QueryCounts(String query, long searches, long zeroResults, long opened) {
    QueryCounts plus(QueryCounts other) {
        return new QueryCounts(query, searches + other.searches, zeroResults + other.zeroResults, opened + other.opened);
    }
}
