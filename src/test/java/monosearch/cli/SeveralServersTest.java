package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simple path to more than one machine: several embedded servers behind a load balancer, each with an index
 * of its own built from the same corpus. /health's content version tells the balancer which ones serve the same.
 */
class SeveralServersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> QUERIES = List.of("capillary+leak", "quixotrel", "clofarabine+side+effects", "hair+loss");

    @TempDir
    Path temp;

    @Test
    void twoServersThatReindexTheSameCorpusServeTheSameResultsAndTheSameContentVersion() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        Path first = temp.resolve("index-1");
        Path second = temp.resolve("index-2");
        reindex(t.corpus(), first);
        reindex(t.corpus(), second);
        // A file touched but not changed: the first index makes a commit of its own, its content stays the same.
        Path clofarabine = t.corpus().resolve("c/clofarabine.md");
        Files.setLastModifiedTime(clofarabine, FileTime.fromMillis(Files.getLastModifiedTime(clofarabine).toMillis() + 60_000));
        reindex(t.corpus(), first);

        try (Serving one = serve(t.corpus(), first); Serving two = serve(t.corpus(), second)) {
            JsonNode before = health(one);
            assertNotEquals(before.get("indexVersion"), health(two).get("indexVersion"),
                    "the commit generations differ, so they cannot tell two servers apart");
            assertEquals(64, before.get("contentVersion").asText().length(), before.toString());
            assertEquals(before.get("contentVersion"), health(two).get("contentVersion"));

            t.write("c/clofarabine.md", Files.readString(clofarabine)
                    + "\n### Storage\nKeep it beside the quixotrel, an invented word for this test.\n");
            reindex(t.corpus(), first);
            reindex(t.corpus(), second);
            assertTrue(Serving.eventually(() -> total(one, "quixotrel") > 0 && total(two, "quixotrel") > 0),
                    one.log() + two.log());

            JsonNode after = health(one);
            assertNotEquals(before.get("contentVersion"), after.get("contentVersion"), "the content changed");
            assertEquals(after.get("contentVersion"), health(two).get("contentVersion"));
            for (String q : QUERIES) {
                assertEquals(results(one, q), results(two, q), q);
            }
        }
    }

    private static void reindex(Path corpus, Path index) {
        MainTest.Run run = MainTest.run("reindex", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, run.status(), run.err());
    }

    private static Serving serve(Path corpus, Path index) throws Exception {
        return Serving.start("--corpus", corpus.toString(), "--index", index.toString());
    }

    private static JsonNode health(Serving server) throws Exception {
        return JSON.readTree(server.get("/health").body());
    }

    private static long total(Serving server, String q) throws Exception {
        return JSON.readTree(server.get("/api/search?q=" + q).body()).get("total").asLong();
    }

    /**
     * A search's answer without the time it took, the one part that may differ between two servers; asked again
     * if a pause of the loaded machine spent its time budget (a partial answer is not the ranking under test).
     */
    private static JsonNode results(Serving server, String q) throws Exception {
        ObjectNode answer;
        int asked = 0;
        do {
            answer = (ObjectNode) JSON.readTree(server.get("/api/search?q=" + q).body());
        } while (answer.get("partial").asBoolean() && ++asked < 5);
        answer.remove("tookMs");
        return answer;
    }
}
