package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingPolicyTest {
    private static RankedMatch match(int doc, String slug, int position, float first, float rescored, float ranked) {
        return new RankedMatch(doc, slug, position, first, rescored, ranked);
    }

    private static List<String> keys(List<RankedMatch> ranked) {
        return ranked.stream().map(m -> m.slug() + "#" + m.position()).toList();
    }

    @Test
    void equalScoresAreOrderedByMonographThenSectionOrderNotByWhereAReindexPutThem() {
        List<RankedMatch> docs = List.of(
                match(3, "tagraxofusp", 1, 1f, 1f, 1.5f),
                match(9, "aldesleukin", 4, 1f, 1f, 1.5f),
                match(7, "zebrafenib", 0, 1f, 1f, 2.0f),
                match(5, "aldesleukin", 2, 1f, 1f, 1.5f));
        assertEquals(List.of("zebrafenib#0", "aldesleukin#2", "aldesleukin#4", "tagraxofusp#1"),
                keys(RankingPolicy.select(docs, 10, 10)));
    }

    @Test
    void whichOfTiedMatchesTheCutsKeepIsTheSameWhateverTheirOrderAndDocIds() {
        List<RankedMatch> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Five first-pass scores, each tied six times; proximity raises some, so both cuts fall among ties.
            float first = 1f + i % 5;
            float rescored = first + (i % 3 == 0 ? 2f : 0f);
            docs.add(match(i, "drug-" + (char) ('a' + i % 7), i / 7, first, rescored, rescored * (i % 2 == 0 ? 1f : 0.9f)));
        }
        List<String> expected = keys(RankingPolicy.select(docs, 17, 8));
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            List<RankedMatch> shuffled = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                ids.add(i);
            }
            Collections.shuffle(ids, random);
            for (int i = 0; i < docs.size(); i++) {
                RankedMatch m = docs.get(i);
                shuffled.add(match(ids.get(i), m.slug(), m.position(), m.first(), m.rescored(), m.ranked()));
            }
            Collections.shuffle(shuffled, random);
            assertEquals(expected, keys(RankingPolicy.select(shuffled, 17, 8)));
        }
    }

    @Test
    void aMatchBeyondTheFirstPassDepthIsNotRankedHoweverMuchProximityWouldRaiseIt() {
        List<RankedMatch> docs = List.of(
                match(0, "a", 0, 5f, 5f, 5f),
                match(1, "b", 0, 4f, 4f, 4f),
                match(2, "c", 0, 3f, 30f, 30f));
        assertEquals(List.of("a#0", "b#0"), keys(RankingPolicy.select(docs, 2, 2)));
        assertEquals(List.of("c#0", "a#0"), keys(RankingPolicy.select(docs, 3, 2)));
    }

    @Test
    void theWindowKeepsTheBestByRescoredScoreAndOrdersThemByTheirFinalScore() {
        List<RankedMatch> docs = List.of(
                match(0, "a", 0, 5f, 5f, 1f),
                match(1, "b", 0, 4f, 9f, 2f),
                match(2, "c", 0, 3f, 3f, 50f));
        // c's final score would put it first, but proximity left it out of the window of two.
        assertEquals(List.of("b#0", "a#0"), keys(RankingPolicy.select(docs, 3, 2)));
    }

    @Test
    void slugsCompareAsLuceneSortsThemInUtf8() {
        String bmp = "\uFF21";          // a letter above the surrogates in UTF-16
        String supplementary = "\uD835\uDC00"; // U+1D400: below U+FF21 in UTF-16, above it in UTF-8
        assertTrue(bmp.compareTo(supplementary) > 0);
        assertTrue(RankingPolicy.byCodePoints(bmp, supplementary) < 0);
        assertTrue(RankingPolicy.byCodePoints("ab", "abc") < 0);
        assertEquals(0, RankingPolicy.byCodePoints("abc", "abc"));
    }

    @Test
    void twoDrugsNamedPutTheTwoBestMonographsSectionsInTurnAtTheTopThenTheRestAsRanked() {
        String[] slugs = {"warfarin", "warfarin", "warfarin", "warfarin", "ibuprofen", "aspirin", "ibuprofen", "ibuprofen"};
        RankingPolicy.RankedDoc[] docs = new RankingPolicy.RankedDoc[slugs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new RankingPolicy.RankedDoc(i, 10 - i, slugs[i]);
        }
        List<Integer> several = RankingPolicy.onPages(docs, true, true).stream().map(d -> d.doc).toList();
        assertEquals(List.of(0, 4, 1, 6, 2, 7, 3, 5), several);
        List<Integer> one = RankingPolicy.onPages(docs, true, false).stream().map(d -> d.doc).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), one);
    }
}
