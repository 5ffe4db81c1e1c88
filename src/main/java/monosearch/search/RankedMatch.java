package monosearch.search;

/**
 * One of the best matches on its way through the ranking: its score after each step, and its monograph and section
 * position, which order equal scores at every step. Each step's score depends on the match alone (and on its own
 * monograph), never on which other matches were scored beside it, so matches scored on different shards of a
 * collection can be ranked together as one index ranks them ({@link Planned#select}).
 *
 * @param doc      the caller's handle on the match: a Lucene doc id within one index, or an index into a list of
 *                 matches gathered from several shards
 * @param first    the first pass's score
 * @param rescored the first pass's score raised where the words stand together (the first pass's when nothing does)
 * @param ranked   the rescored score adjusted by what is known of the monograph and the kind of section
 */
public record RankedMatch(int doc, String slug, int position, float first, float rescored, float ranked) {
    RankedMatch withRanked(float score) {
        return new RankedMatch(doc, slug, position, first, rescored, score);
    }
}
