package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up's searches: the most searched first, then the bundled mix, each also as it is typed. */
class WarmupTest {
    @TempDir
    Path temp;

    @Test
    void theMostSearchedComeFirstThenTheMixWithDrugNamesInTurnEachAlsoAsTyped() {
        List<String> q = Warmup.queries(List.of("warfarin dose"), List.of("{drug} side effects", "capillary leak"),
                List.of("Metformin", "Lisinopril"));
        assertEquals(List.of("war", "warfa", "warfarin", "warfarin dose"), q.subList(0, 4));
        assertTrue(q.containsAll(List.of("met", "metfo", "metformi", "metformin side effects", "capillary leak")), q.toString());
        assertTrue(q.contains("meformin") && q.contains("liinopril"), "drug names also misspelled: " + q);
        assertEquals(q.size(), q.stream().distinct().count(), "no search twice");
    }

    @Test
    void twoDrugLinesTakeTwoNamesAndAnIndexWithoutDrugsSkipsThem() {
        assertTrue(Warmup.queries(List.of(), List.of("{drug} {drug}"), List.of("Alpha", "Beta", "Gamma", "Delta"))
                .contains("alpha beta"));
        assertEquals(List.of("ble", "bleed", "bleeding"), Warmup.queries(List.of(), List.of("{drug} dose", "bleeding"), List.of()));
    }

    @Test
    void theBundledMixRunsOverARealIndex() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchService search = SearchService.withDefaults(live, new Links(null));
            Warmup warmup = Warmup.of(search, List.of("clofarabine side effects"));
            assertEquals("clo", warmup.queries().get(0));
            assertFalse(warmup.queries().stream().anyMatch(s -> s.contains("{drug}")), "every {drug} filled in");
            assertTrue(warmup.queries().size() > 100, "a mix of " + warmup.queries().size());
            assertEquals(50, warmup.run(50, 60_000, 2));
        }
    }
}
