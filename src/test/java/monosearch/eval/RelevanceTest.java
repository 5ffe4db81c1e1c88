package monosearch.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import monosearch.search.Links;
import monosearch.search.SearchService;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on the judged query set must not regress: floors on the figures the eval command prints,
 * and every query class ahead of the plain baseline. Uses the FDA labels too where ../shared is present.
 */
class RelevanceTest {
    static final double MIN_P_AT_1 = 0.93;
    static final double MIN_MRR = 0.95;
    static final double MIN_NDCG = 0.85;
    /**
     * A class is held to beating the baseline only with this many queries evaluated: over a handful (the "short"
     * class without the FDA labels has 4), one query decides the comparison.
     */
    static final int MIN_CLASS_QUERIES = 10;

    @Test
    void theJudgedQuerySetMeetsItsFloorsAndEveryClassBeatsTheBaseline() throws IOException {
        Path judgments = Path.of(System.getProperty("monosearch.projectDir", ".")).resolve("src/test/resources/relevance/judgments.tsv");
        List<Path> corpora = new ArrayList<>(List.of(TestIndex.bundledCorpus()));
        Path fda = TestIndex.shared().resolve("corpus-fda");
        if (Files.isDirectory(fda)) {
            corpora.add(fda);
        } else {
            System.err.println("RelevanceTest: " + fda + " is absent; judging the bundled-corpus queries only");
        }
        try (EvalWorkspace workspace = EvalWorkspace.create(corpora, index -> SearchService.withDefaults(index, new Links(null)))) {
            List<JudgedQuery> covered = new ArrayList<>();
            for (JudgedQuery q : Judgments.load(judgments)) {
                if (workspace.covers(q)) {
                    covered.add(q);
                }
            }
            assertTrue(covered.size() >= 50, "judged queries evaluated: " + covered.size());
            EvalReport report = new Evaluation(workspace.monosearch(), workspace.baseline()).run(covered);
            String table = report.table() + String.join("\n", report.failures());
            Metrics overall = report.overall()[0];
            assertTrue(overall.precisionAt1() >= MIN_P_AT_1, "P@1 fell below " + MIN_P_AT_1 + "\n" + table);
            assertTrue(overall.mrrAt10() >= MIN_MRR, "MRR@10 fell below " + MIN_MRR + "\n" + table);
            assertTrue(overall.ndcgAt10() >= MIN_NDCG, "nDCG@10 fell below " + MIN_NDCG + "\n" + table);
            List<String> ungated = new ArrayList<>();
            for (Map.Entry<String, Metrics[]> c : report.classes().entrySet()) {
                if (report.queries().get(c.getKey()) < MIN_CLASS_QUERIES) {
                    ungated.add(c.getKey() + " (" + report.queries().get(c.getKey()) + ")");
                    continue;
                }
                Metrics ours = c.getValue()[0];
                Metrics baseline = c.getValue()[1];
                assertTrue(ours.ndcgAt10() > baseline.ndcgAt10() && ours.mrrAt10() >= baseline.mrrAt10(),
                        "class " + c.getKey() + " is not ahead of the baseline\n" + table);
            }
            if (!ungated.isEmpty()) {
                System.err.println("RelevanceTest: too few queries to compare with the baseline class by class: "
                        + String.join(", ", ungated) + "; they still count in the overall floors");
            }
        }
    }
}
