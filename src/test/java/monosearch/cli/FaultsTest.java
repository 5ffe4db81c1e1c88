package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import monosearch.index.CorpusException;
import monosearch.index.ReindexSummary;
import monosearch.search.LiveIndex;
import monosearch.search.SearchRequest;
import monosearch.search.SearchService;
import monosearch.search.Links;
import monosearch.testing.ChildJvm;
import monosearch.testing.TestIndex;
import monosearch.testing.TestLog;
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
        for (int i = 0; i < 200; i++) {
            t.write("gen/g" + (i % 10) + "/generated-" + i + ".md", monograph("Generated " + i, "Usage", "Generated text " + i));
        }
        // The child stops at a known point, half of the new files written and nothing committed, and is killed there.
        Process reindex = ChildJvm.main("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString(),
                "--pause-after-files", "100").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            new ChildJvm.Lines(reindex.getErrorStream()).awaitStart(ReindexCommand.PAUSED + 100);
            assertTrue(reindex.isAlive(), "still running when killed");
        } finally {
            reindex.toHandle().destroyForcibly();
        }
        assertEquals(137, ChildJvm.exitStatus(reindex), "killed by SIGKILL");

        assertEquals(before, sections(t.index(), "capillary leak"), "the previous index is intact and searchable");
        assertEquals(0, sections(t.index(), "generated"), "nothing of the killed run is visible");
        ReindexSummary next = t.reindex();
        assertEquals(200, next.added(), "the next reindex succeeds without clearing a lock by hand");
        assertEquals(200, sections(t.index(), "generated"));
    }

    @Test
    void serveRebuildsACorruptIndexFromTheCorpusAndSaysSo() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        truncateLargestSegmentFile(t.index());
        String said = logOf(() -> {
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
        String said = logOf(() -> {
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
                () -> logOf(() -> ServedIndex.open(options(noCorpus, t.index()), 0).close()));
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
        MainTest.run("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString());
        MainTest.run("search", "--index", t.index().toString(), "anything");
        truncateLargestSegmentFile(t.index());
        logOf(() -> ServedIndex.open(options(t.corpus(), t.index()), 0).close());
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

    /** What was logged while the action ran. */
    private static String logOf(Action action) throws Exception {
        TestLog log = new TestLog();
        action.run();
        return log.text();
    }
}
