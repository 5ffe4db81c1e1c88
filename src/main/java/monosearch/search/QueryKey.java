package monosearch.search;

/**
 * A query reduced to what searching reads of it: folded words (case, accents) separated by single spaces. Queries
 * that search alike share a key, so analytics count them together and a pinned answer holds for all of them.
 */
public final class QueryKey {
    private QueryKey() {
    }

    public static String of(String query) {
        return String.join(" ", Words.split(query));
    }
}
