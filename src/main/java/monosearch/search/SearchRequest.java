package monosearch.search;

import java.util.List;

/**
 * A search as asked for.
 *
 * @param query    what the user typed
 * @param sections canonical section names to keep (any case); empty for all
 * @param drugs    slugs to keep; empty for all
 * @param limit    hits per page
 * @param offset   hits to skip
 */
public record SearchRequest(String query, List<String> sections, List<String> drugs, int limit, int offset) {
    public SearchRequest {
        sections = List.copyOf(sections);
        drugs = List.copyOf(drugs);
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, List.of(), List.of(), limit, 0);
    }
}
