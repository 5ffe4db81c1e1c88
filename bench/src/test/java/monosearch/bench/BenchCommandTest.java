package monosearch.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench command end to end on 30 synthetic monographs, every step as short as it goes. Only what the run did
 * is checked (files, sections, what each reindex found); its timings are figures to print, never to assert.
 */
class BenchCommandTest {
    @TempDir
    Path temp;

    @Test
    void benchWritesItsReportOfATinySyntheticCorpus() throws Exception {
        Path report = temp.resolve("out/bench.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), "--monographs", "30", "--warmup-seconds", "0.1", "--search-seconds", "0.1",
                "--no-http", "--no-fts", "--keep", temp.resolve("work").toString(), "--out", report.toString());
        assertEquals(0, status, err.toString(UTF_8));
        assertTrue(err.toString(UTF_8).contains("bench: figures written to " + report), err.toString(UTF_8));
        String md = Files.readString(report);
        List<String> lines = md.lines().toList();
        assertTrue(md.startsWith("# monosearch performance"), md);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\| corpus \\| synthetic, 30 monographs, seed 42: 30 files, .*, \\d+ sections \\|")), md);
        assertTrue(row(lines, "full reindex (cold JVM)").contains("sections)"), md);
        assertTrue(row(lines, "no-change reindex").contains("(30 unchanged)"), md);
        assertTrue(row(lines, "one file changed").contains("(1 updated, "), md);
        assertTrue(row(lines, "in-process search, 1 thread, warm").contains(" searches)"), md);
        assertTrue(Files.isDirectory(temp.resolve("work/index")), "--keep keeps the index it measured");
    }

    @Test
    void aCorpusRunWritesIssue15sTableWithoutPrintingTheQueriesItGenerated() throws Exception {
        Path corpus = temp.resolve("corpus");
        new SyntheticCorpus(Vocabulary.bundled(), 5).write(corpus, 25);
        Path report = temp.resolve("corpus.md");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchCommand.run(new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8),
                "--corpus", corpus.toString(), "--distinct-queries", "150", "--reindex-runs", "1", "--synthetic", "0",
                "--warmup-seconds", "0.1", "--search-seconds", "0.1", "--fts-rounds", "1", "--no-http",
                "--keep", temp.resolve("kept").toString(), "--out", report.toString());
        assertEquals(0, status, err.toString(UTF_8));
        String md = Files.readString(report);
        List<String> lines = md.lines().toList();
        assertTrue(md.contains("## Issue 15: the real corpus"), md);
        assertTrue(row(lines, "full reindex, cold `java -jar target/monosearch.jar reindex --full` (a fresh JVM each)")
                .contains("median of 1"), md);
        assertTrue(row(lines, "no-change reindex").contains("`reindex` in a fresh JVM"), md);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Queries: 150 distinct ones generated at run time")), md);
        String skipped = "no JDBC driver";
        assertTrue(err.toString(UTF_8).contains("SQLite FTS5 comparison") && !md.contains(skipped), md);
        // The corpus's terms forbid reproducing its text: no generated query may appear in the report.
        CorpusQueries.Generated generated = CorpusQueries.generate(
                CorpusQueries.readIndex(temp.resolve("kept/index")), 42, 150, 150);
        assertEquals(150, generated.measured().size());
        for (BenchQuery q : java.util.stream.Stream.concat(generated.measured().stream(), generated.warmup().stream()).toList()) {
            assertTrue(!md.contains("`" + q.text() + "`"), "printed: " + q.text());
        }
    }

    /** The table row of a measure. */
    private static String row(List<String> lines, String measure) {
        return lines.stream().filter(l -> l.startsWith("| " + measure + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + measure));
    }
}
