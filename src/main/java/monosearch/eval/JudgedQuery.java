package monosearch.eval;

import java.util.Map;

/**
 * A query with its judged answers.
 *
 * @param queryClass what behaviour it exercises ("lay", "misspelling", ...)
 * @param query      as a user types it
 * @param grades     "slug/Section" → grade: 3 the ideal answer, 2 clearly relevant, 1 partly relevant; empty for a
 *                   query that should find nothing
 */
public record JudgedQuery(String queryClass, String query, Map<String, Integer> grades) {
    public JudgedQuery {
        grades = Map.copyOf(grades);
    }

    /** Whether any hit at all is a wrong answer. */
    public boolean expectsNothing() {
        return grades.isEmpty();
    }

    public static String key(String slug, String section) {
        return slug + "/" + section;
    }
}
