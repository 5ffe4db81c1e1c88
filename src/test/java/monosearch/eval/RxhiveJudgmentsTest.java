package monosearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The RxHive judged set itself: large, varied, and split into two halves of the same kinds. Needs no corpus. */
class RxhiveJudgmentsTest {
    @Test
    void theTwoHalvesHoldAtLeast300QueriesInTenKindsSplitEvenlyWithinEachKind() throws IOException {
        List<JudgedQuery> tuning = Judgments.load(RxhiveJudgments.tuning());
        List<JudgedQuery> heldOut = Judgments.load(RxhiveJudgments.heldOut());
        assertTrue(tuning.size() + heldOut.size() >= 300, "queries: " + (tuning.size() + heldOut.size()));
        Map<String, Integer> a = perKind(tuning);
        Map<String, Integer> b = perKind(heldOut);
        assertEquals(a.keySet(), b.keySet(), "both halves have the same kinds");
        assertTrue(a.size() >= 10, "kinds: " + a.keySet());
        a.forEach((kind, n) -> assertTrue(Math.abs(n - b.get(kind)) <= 1, kind + ": " + n + " against " + b.get(kind)));
        Set<String> seen = new HashSet<>();
        for (JudgedQuery q : tuning) {
            seen.add(q.query().toLowerCase());
        }
        for (JudgedQuery q : heldOut) {
            assertTrue(seen.add(q.query().toLowerCase()), "in both halves: " + q.query());
        }
    }

    @Test
    void onlyTheNothingKindExpectsNoHitsAndEveryOtherQueryHasARelevantAnswer() throws IOException {
        for (var file : List.of(RxhiveJudgments.tuning(), RxhiveJudgments.heldOut())) {
            for (JudgedQuery q : Judgments.load(file)) {
                assertEquals(q.queryClass().equals("none"), q.expectsNothing(), q.query());
                assertTrue(q.expectsNothing() || q.grades().values().stream().anyMatch(g -> g >= Metrics.RELEVANT),
                        "nothing graded 2 or more for " + q.query());
            }
        }
    }

    private static Map<String, Integer> perKind(List<JudgedQuery> judged) {
        Map<String, Integer> out = new TreeMap<>();
        judged.forEach(q -> out.merge(q.queryClass(), 1, Integer::sum));
        return out;
    }
}
