package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.ChildJvm;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval command end to end on a corpus of three monographs and a judged set written for it. */
class EvalCommandTest {
    @TempDir
    Path temp;

    private TestIndex tinyCorpus() {
        return new TestIndex(temp)
                .write("a/alphadrine.md", monograph("Alphadrine", "Usage", "Treats zebrafever in adults.",
                        "Side Effects", "Quokkapox rash."))
                .write("b/betadrine.md", monograph("Betadrine", "Usage", "Treats quokkapox.",
                        "Dosage", "Ten mg daily."))
                .write("c/gammadrine.md", monograph("Gammadrine", "Usage", "Prevents lemurcough."));
    }

    @Test
    void evalPrintsTheMetricsOfEachClassNextToTheBaselineAndListsTheMisses() throws Exception {
        TestIndex t = tinyCorpus();
        Path judgments = temp.resolve("judged.tsv");
        Files.writeString(judgments, String.join("\n",
                "# class, query, judged answers",
                "lay\tzebrafever\talphadrine/Usage=3",
                "lay\tlemurcough\tgammadrine/Usage=3",
                "misjudged\tquokkapox\tgammadrine/Usage=3",
                "elsewhere\tcapillary leak\tclofarabine/Side Effects=3", ""));
        MainTest.Run r = MainTest.run("eval", "--judgments", judgments.toString(), "--corpus", t.corpus().toString(),
                "--failures");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("3 judged queries over [" + t.corpus() + "] (1 skipped: their answers are in a "
                + "corpus not given)"), r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).toList();
        assertEquals("| class | queries | P@1 | Drug@1 | MRR@10 | nDCG@10 | Recall@10 | baseline P@1 | baseline Drug@1 "
                + "| baseline MRR@10 | baseline nDCG@10 | baseline Recall@10 |", rows.get(0));
        // Each word is in one section of one monograph: both rankings find the answer first, or not at all.
        assertEquals("| lay | 2 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |", rows.get(1));
        assertTrue(rows.get(2).startsWith("| misjudged | 1 | 0.000 | "), rows.get(2));
        assertTrue(rows.get(3).startsWith("| **overall** | 3 | 0.667 | "), rows.get(3));
        assertTrue(r.out().contains("miss: misjudged \"quokkapox\": first "), r.out());
        assertFalse(r.out().contains("miss: lay"), r.out());
    }

    @Test
    void aJudgedSetWithNothingInTheCorpusIsAClearErrorNotAnEmptyTable() throws Exception {
        TestIndex t = tinyCorpus();
        Path judgments = temp.resolve("judged.tsv");
        Files.writeString(judgments, "elsewhere\tcapillary leak\tclofarabine/Side Effects=3\n");
        MainTest.Run r = MainTest.run("eval", "--judgments", judgments.toString(), "--corpus", t.corpus().toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("none of the 1 judged queries") && r.err().contains("--corpus DIR"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void outsideTheRepositoryTheDefaultsAreAClearErrorThatSaysWhatToGive() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Process eval = ChildJvm.main("eval").directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(eval.getInputStream().readAllBytes());
        assertEquals(1, ChildJvm.exitStatus(eval), output);
        assertTrue(output.contains("run eval from the repository root, or give --corpus DIR"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }
}
