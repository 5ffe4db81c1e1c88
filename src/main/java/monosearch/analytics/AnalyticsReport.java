package monosearch.analytics;

import java.util.List;

/**
 * What people search for and do not find, over the days kept; only queries asked at least {@code minCount} times.
 *
 * @param days        days covered
 * @param minCount    the threshold a query had to reach to be listed
 * @param top         most searched
 * @param zeroResults most often finding nothing
 * @param unopened    found something, but no result was ever opened
 */
public record AnalyticsReport(int days, int minCount, List<QueryCounts> top, List<QueryCounts> zeroResults,
                              List<QueryCounts> unopened) {
}
