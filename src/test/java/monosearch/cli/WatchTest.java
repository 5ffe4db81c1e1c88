package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import monosearch.testing.PrometheusText;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --watch: the corpus is reindexed inside the running server when its files change. */
class WatchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestIndex corpus() {
        return new TestIndex(temp)
                .write("a/alphadrine.md", monograph("Alphadrine", "Usage", "Invented for this test.", "Side Effects", "Headache."))
                .write("b/betadrine.md", monograph("Betadrine", "Usage", "Also invented.", "Side Effects", "Nausea."));
    }

    private Serving serve(TestIndex t, String... more) throws Exception {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"--corpus", t.corpus().toString(), "--index", t.index().toString(), "--watch"},
                0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return Serving.start(args);
    }

    private static long total(Serving server, String q) throws Exception {
        return JSON.readTree(server.get("/api/search?q=" + q).body()).get("total").asLong();
    }

    private static double watchReindexes(Serving server) throws Exception {
        PrometheusText m = new PrometheusText(server.get("/metrics").body());
        return m.samples("monosearch_reindex_seconds_count").stream()
                .filter(s -> "watch".equals(s.labels().get("trigger"))).mapToDouble(PrometheusText.Sample::value).sum();
    }

    @Test
    void aSavedMonographBecomesSearchableAndADeletedOneGoesWithoutARestart() throws Exception {
        TestIndex t = corpus();
        try (Serving server = serve(t)) {
            assertEquals(0, total(server, "zebrafenib"));
            t.write("z/zebrafenib.md", monograph("Zebrafenib", "Usage", "An invented kinase inhibitor."));
            assertTrue(Serving.eventually(() -> total(server, "zebrafenib") > 0), server.log());

            Files.delete(t.corpus().resolve("z/zebrafenib.md"));
            assertTrue(Serving.eventually(() -> total(server, "zebrafenib") == 0), server.log());
            assertEquals(2, JSON.readTree(server.get("/health").body()).get("monographs").asInt());
        }
    }

    @Test
    void aBurstOfFiveHundredSavedFilesIsOneReindex() throws Exception {
        TestIndex t = corpus();
        // A longer quiet period than the default, so that a pause of the loaded test machine is not a new burst.
        try (Serving server = serve(t, "--watch-quiet-ms", "1000")) {
            for (int i = 0; i < 500; i++) {
                t.write("burst/d" + (i % 10) + "/burst-" + i + ".md", monograph("Burstamine " + i, "Usage", "Burst number " + i));
            }
            assertTrue(Serving.eventually(() -> JSON.readTree(server.get("/health").body()).get("monographs").asInt() == 502), server.log());
            assertEquals(1, watchReindexes(server), server.log());
        }
    }

    @Test
    void aFileStillBeingWrittenIsReadOnceComplete() throws Exception {
        TestIndex t = corpus();
        try (Serving server = serve(t)) {
            Path file = t.corpus().resolve("s/slowly.md");
            Files.createDirectories(file.getParent());
            String text = monograph("Slowmycin", "Usage", "Written a line at a time.", "Side Effects",
                    "first line\n\nsecond line\n\nthird line\n\nfourth line\n\nthe last line says quokkafinale");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < bytes.length; i += 16) {
                    out.write(bytes, i, Math.min(16, bytes.length - i));
                    out.flush();
                    Thread.sleep(50);
                }
            }
            assertTrue(Serving.eventually(() -> total(server, "quokkafinale") > 0), server.log());
            assertEquals(1, watchReindexes(server), "read once, complete: " + server.log());
        }
    }

    @Test
    void aVanishedCorpusFolderIsReportedAndTheIndexKeepsServingUntilItIsBack() throws Exception {
        TestIndex t = corpus();
        try (Serving server = serve(t)) {
            Path away = temp.resolve("away");
            Files.move(t.corpus(), away);
            assertTrue(Serving.eventually(() -> server.log().contains("has vanished")), server.log());
            assertEquals(200, server.get("/api/search?q=headache").statusCode());
            assertTrue(total(server, "headache") > 0, "the index is still served");
            Files.move(away, t.corpus());
            t.write("c/gammadrine.md", monograph("Gammadrine", "Usage", "Back again."));
            assertTrue(Serving.eventually(() -> total(server, "gammadrine") > 0), server.log());
            assertTrue(server.log().contains("is back"), server.log());
        }
    }

    @Test
    void anUnreadableFileIsReportedAndItsIndexedVersionKept() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file, so permissions cannot be tested");
        TestIndex t = corpus();
        try (Serving server = serve(t)) {
            Path file = t.corpus().resolve("a/alphadrine.md");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            assertTrue(Serving.eventually(() -> server.log().contains("alphadrine.md: not readable")),
                    server.log());
            assertTrue(total(server, "alphadrine") > 0);
        }
    }
}
