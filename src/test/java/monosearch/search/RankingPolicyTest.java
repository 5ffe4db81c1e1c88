package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingPolicyTest {
    @Test
    void equalScoresAreOrderedByMonographThenSectionOrderNotByWhereAReindexPutThem() {
        RankingPolicy.RankedDoc[] docs = {
                new RankingPolicy.RankedDoc(3, 1.5f, "tagraxofusp"),
                new RankingPolicy.RankedDoc(9, 1.5f, "aldesleukin"),
                new RankingPolicy.RankedDoc(7, 2.0f, "zebrafenib"),
                new RankingPolicy.RankedDoc(5, 1.5f, "aldesleukin")};
        Arrays.sort(docs, RankingPolicy.BY_RANK);
        assertEquals(List.of("zebrafenib 7", "aldesleukin 5", "aldesleukin 9", "tagraxofusp 3"),
                Arrays.stream(docs).map(d -> d.slug + " " + d.doc).toList());
    }
}
