package monosearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final Map<String, Integer> GRADES = Map.of("a/Usage", 3, "b/Usage", 2, "c/Usage", 1);

    @Test
    void aPerfectRankingScoresOneEverywhere() {
        Metrics m = Metrics.of(List.of("a/Usage", "b/Usage", "c/Usage"), GRADES);
        assertEquals(1.0, m.precisionAt1());
        assertEquals(1.0, m.mrrAt10());
        assertEquals(1.0, m.ndcgAt10(), 1e-9);
        assertEquals(1.0, m.recallAt10());
    }

    @Test
    void theFirstRelevantAnswerAtRankThreeGivesAReciprocalRankOfAThird() {
        Metrics m = Metrics.of(List.of("x/Usage", "c/Usage", "b/Usage"), GRADES);
        assertEquals(0.0, m.precisionAt1());
        assertEquals(1.0 / 3, m.mrrAt10(), 1e-9);
        assertEquals(0.5, m.recallAt10(), 1e-9, "one of the two answers graded 2 or more");
    }

    @Test
    void gradeOneAnswersCountForNdcgButNotForPrecision() {
        Metrics m = Metrics.of(List.of("c/Usage"), GRADES);
        assertEquals(0.0, m.precisionAt1());
        double expected = 1.0 / (7 + 3 / Math.log(3) * Math.log(2) + 1 / 2.0);
        assertEquals(expected, m.ndcgAt10(), 1e-9);
    }

    @Test
    void nothingFoundScoresZero() {
        Metrics m = Metrics.of(List.of(), GRADES);
        assertEquals(new Metrics(0, 0, 0, 0, 0), m);
    }

    @Test
    void aWrongSectionOfAJudgedDrugFirstCountsForDrugAtOneButNotForPrecision() {
        Metrics m = Metrics.of(List.of("c/Precautions", "a/Usage"), GRADES);
        assertEquals(0.0, m.precisionAt1());
        assertEquals(1.0, m.drugAt1(), "c has a judged section");
        assertEquals(0.0, Metrics.of(List.of("x/Usage", "a/Usage"), GRADES).drugAt1());
    }

    @Test
    void aQueryThatExpectsNothingSucceedsOnlyWhenNothingIsFound() {
        assertEquals(new Metrics(1, 1, 1, 1, 1), Metrics.of(List.of(), Map.of()));
        assertEquals(new Metrics(0, 0, 0, 0, 0), Metrics.of(List.of("a/Usage"), Map.of()));
    }

    @Test
    void aDashJudgesAQueryThatShouldFindNothingAndAnEmptyJudgmentIsNamed() {
        List<JudgedQuery> q = Judgments.parse("none\tchocolate cake recipe\t-\n", "t");
        assertTrue(q.get(0).expectsNothing());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Judgments.parse("none\tq\t;\n", "t.tsv"));
        assertEquals("t.tsv:1: no judgments; write '-' for a query that should find nothing", e.getMessage());
    }

    @Test
    void judgmentsAreReadFromTabSeparatedLinesAndBadLinesAreNamed() {
        List<JudgedQuery> q = Judgments.parse("# comment\nlay\tlow blood pressure\ta/Side Effects=3;b/Precautions=1\n", "t");
        assertEquals(Map.of("a/Side Effects", 3, "b/Precautions", 1), q.get(0).grades());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Judgments.parse("lay\tq\ta/B=4\n", "t.tsv"));
        assertEquals("t.tsv:1: grade 4 is not 1, 2 or 3", e.getMessage());
    }
}
