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

    /** The table row of a measure. */
    private static String row(List<String> lines, String measure) {
        return lines.stream().filter(l -> l.startsWith("| " + measure + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + measure));
    }
}
