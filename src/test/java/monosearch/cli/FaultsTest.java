package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import monosearch.index.CorpusException;
import monosearch.index.ReindexSummary;
import monosearch.search.LiveIndex;
import monosearch.search.SearchRequest;
import monosearch.search.SearchService;
import monosearch.search.Links;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when things go wrong: killed reindexes, broken index folders, missing corpora. */
class FaultsTest {
    @TempDir
    Path temp;

    @Test
    void aReindexKilledMidwayLeavesThePreviousIndexServedAndTheNextRunSucceeds() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        long before = sections(t.index(), "capillary leak");
        String filler = "Filler monograph text about nothing in particular, repeated to give the indexer work. ".repeat(25);
        for (int i = 0; i < 6000; i++) {
            t.write("gen/g" + (i % 50) + "/generated-" + i + ".md", monograph("Generated " + i, "Usage", filler + i));
        }
        Process reindex = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "monosearch.cli.Main",
                "reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString()).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(reindex.getErrorStream(), StandardCharsets.UTF_8))) {
            String line = err.readLine();
            assertTrue(line != null && line.startsWith("reindex: "), "a progress line shows it is midway: " + line);
        }
        assertTrue(reindex.isAlive(), "still running when killed");
        reindex.toHandle().destroyForcibly();
        assertTrue(reindex.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, reindex.exitValue(), "killed by SIGKILL");

        assertEquals(before, sections(t.index(), "capillary leak"), "the previous index is intact and searchable");
        assertEquals(0, sections(t.index(), "generated"), "nothing of the killed run is visible");
        ReindexSummary next = t.reindex();
        assertEquals(6000, next.added(), "the next reindex succeeds without clearing a lock by hand");
    }

    @Test
    void serveRebuildsACorruptIndexFromTheCorpusAndSaysSo() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        truncateLargestSegmentFile(t.index());
        String said = stderrOf(() -> {
            try (LiveIndex live = ServedIndex.open(options(t.corpus(), t.index()), 0)) {
                SearchService search = SearchService.withDefaults(live, new Links(null));
                assertTrue(search.search(SearchRequest.of("capillary leak", 10)).total() > 0);
            }
        });
        assertTrue(said.contains("cannot be read") && said.contains("rebuilding it from"), said);
    }

    @Test
    void serveBuildsAMissingIndex() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        String said = stderrOf(() -> {
            try (LiveIndex live = ServedIndex.open(options(t.corpus(), t.index()), 0)) {
                assertEquals(47, SearchService.withDefaults(live, new Links(null)).stats().monographs());
            }
        });
        assertTrue(said.contains("no index at"), said);
    }

    @Test
    void aCorruptIndexWithoutACorpusIsAClearErrorAndTheBrokenIndexIsKept() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        truncateLargestSegmentFile(t.index());
        Path noCorpus = temp.resolve("gone");
        CorpusException e = assertThrows(CorpusException.class,
                () -> stderrOf(() -> ServedIndex.open(options(noCorpus, t.index()), 0).close()));
        assertTrue(e.getMessage().contains(t.index().toAbsolutePath().normalize().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
        assertTrue(Files.list(t.index()).findAny().isPresent(), "the broken index is left for inspection");
    }

    @Test
    void noCommandEverModifiesOrDeletesACorpusFile() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus().write("z/broken.md", "---\ntitle: [\n---\n");
        Map<String, String> before = fingerprint(t.corpus());
        t.reindex();
        t.reindex(true);
        Main.run("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString());
        Main.run("search", "--index", t.index().toString(), "anything");
        truncateLargestSegmentFile(t.index());
        stderrOf(() -> ServedIndex.open(options(t.corpus(), t.index()), 0).close());
        assertEquals(before, fingerprint(t.corpus()));
    }

    private static IndexSettings options(Path corpus, Path index) {
        return new IndexSettings(corpus, index, null, TestIndex.MAX_FILE_BYTES);
    }

    private static long sections(Path index, String query) throws IOException {
        try (LiveIndex live = LiveIndex.open(index, 0)) {
            return SearchService.withDefaults(live, new Links(null)).search(SearchRequest.of(query, 10)).total();
        }
    }

    private static void truncateLargestSegmentFile(Path index) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.list(index)) {
            largest = files.filter(p -> !p.getFileName().toString().startsWith("segments_")
                            && !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    private static Map<String, String> fingerprint(Path corpus) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(corpus.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()
                        + "#" + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    interface Action {
        void run() throws Exception;
    }

    private static String stderrOf(Action action) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
