package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reindex that fills the index's disk, on a real 2 MB file system (tmpfs, mounted for the test; where mounting is
 * not allowed, the test is skipped).
 */
class FullDiskTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "a small file system cannot be mounted here (needs root): " + said.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }

    /** Words that repeat nowhere, so neither the stored text nor the postings compress below the disk's size. */
    private static TestIndex addThreeMegabytes(TestIndex t) {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 3000) {
                text.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
            }
            t.write("big/b" + (i % 30) + "/bulk-" + i + ".md", monograph("Bulkamine " + i, "Usage", text.toString()));
        }
        return t;
    }

    @Test
    void aReindexThatFillsTheDiskSaysWhereAndHowMuchRoomAndLeavesNoPartialFiles() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        Path index = disk.resolve("index");
        MainTest.Run first = MainTest.run("reindex", "--corpus", t.corpus().toString(), "--index", index.toString());
        assertEquals(0, first.status(), first.err());
        Set<String> before = files(index);

        addThreeMegabytes(t);
        MainTest.Run full = MainTest.run("reindex", "--corpus", t.corpus().toString(), "--index", index.toString());
        assertEquals(1, full.status(), full.err());
        assertTrue(full.err().contains("no space left on the disk of the index folder " + index.toAbsolutePath()), full.err());
        assertTrue(full.err().matches("(?s).*needs about \\d+\\.\\d MB free.*"), full.err());
        assertFalse(full.err().contains("\tat "), "one message, no stack trace");
        assertEquals(before, files(index), "the partial segment files are gone");

        MainTest.Run search = MainTest.run("search", "--index", index.toString(), "capillary", "leak");
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().contains("Clofarabine"), "the previous index is served: " + search.out());
    }

    @Test
    void aWatchedReindexThatFillsTheDiskIsReportedAndTheServerKeepsServing() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        Path index = disk.resolve("index");
        try (Serving server = Serving.start("--corpus", t.corpus().toString(), "--index", index.toString(), "--watch")) {
            Set<String> before = files(index);
            addThreeMegabytes(t);
            assertTrue(Serving.eventually(() -> server.log().contains("no space left on the disk of the index folder")), server.log());
            assertEquals(before, files(index), "the partial segment files are gone");
            String body = server.get("/api/search?q=capillary+leak").body();
            assertTrue(JSON.readTree(body).get("total").asLong() > 0, body);
        }
    }

    private static Set<String> files(Path index) throws IOException {
        try (Stream<Path> list = Files.list(index)) {
            Set<String> names = new TreeSet<>();
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock")).forEach(names::add);
            return names;
        }
    }
}
