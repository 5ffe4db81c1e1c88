package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.TestIndex;
import monosearch.testing.TestLog;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path temp;

    /** Exit status, stdout and stderr of one command line, and what it logged (serve logs what it does). */
    record Run(int status, String out, String err, String log) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TestLog log = new TestLog();
        int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), log.text());
    }

    @Test
    void reindexPrintsASummaryAndSearchPrintsRankedHitsOnePerLine() {
        TestIndex t = new TestIndex(temp).withBundledCorpus().writeBytes("broken.md", new byte[0]);
        Run reindex = run("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString());
        assertEquals(0, reindex.status(), reindex.err());
        assertTrue(reindex.out().contains("48 files seen: 47 added"), reindex.out());
        assertTrue(reindex.out().contains("skipped broken.md: empty file"), reindex.out());
        Run search = run("search", "--index", t.index().toString(), "--limit", "3", "capillary", "leak");
        assertEquals(0, search.status(), search.err());
        String[] lines = search.out().strip().split("\n");
        assertEquals(4, lines.length, search.out());
        assertTrue(lines[1].matches(" 1\\. \\S.* → .*\\(\\d+\\.\\d+\\)"), lines[1]);
        assertTrue(search.out().contains("Clofarabine → Side Effects"), search.out());
    }

    @Test
    void serveWithExitAfterStartBuildsTheIndexAnswersOverLoopbackAndExits() {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        Run serve = run("serve", "--corpus", t.corpus().toString(), "--index", t.index().toString(), "--port", "0",
                "--warmup-ms", "100", "--log-requests=false", "--exit-after-start");
        assertEquals(0, serve.status(), serve.err());
        assertTrue(serve.log().contains("47 monographs"), serve.log());
        assertTrue(serve.log().contains("answered a search and the page"), serve.log());
    }

    @Test
    void aMissingCorpusFolderExitsNonZeroWithAClearMessage() {
        Run r = run("reindex", "--corpus", temp.resolve("nope").toString(), "--index", temp.resolve("index").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aLockedIndexExitsWithStatusTwo() throws Exception {
        TestIndex t = new TestIndex(temp).write("a/a.md", monograph("A", "Usage", "x"));
        t.reindex();
        try (Directory dir = FSDirectory.open(t.index()); IndexWriter holder = new IndexWriter(dir, new IndexWriterConfig())) {
            Run r = run("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString());
            assertEquals(2, r.status());
            assertTrue(r.err().contains("locked"), r.err());
            holder.rollback();
        }
    }

    @Test
    void everySubcommandHasHelp() {
        Run top = run("--help");
        assertEquals(0, top.status());
        // The commands as the top-level help lists them, so one added later is covered too.
        List<String> commands = top.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .filter(l -> l.matches("  \\S.*")).map(l -> l.strip().split("\\s+")[0]).toList();
        assertEquals(List.of("reindex", "serve", "search", "eval", "headings", "analytics"), commands, top.out());
        for (String command : commands) {
            Run r = run(command, "--help");
            assertEquals(0, r.status(), command + ": " + r.err());
            assertTrue(r.out().contains("Usage: monosearch " + command), r.out());
            assertTrue(r.out().contains("--help"), command + " describes its options: " + r.out());
        }
    }
}
