package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --pins FILE: a rule puts a section first for a query, or hides one; the file is reloaded live. */
class PinsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Serving serve(Path pins) throws Exception {
        TestIndex t = new TestIndex(temp)
                .write("a/alphadrine.md", monograph("Alphadrine", "Usage", "For pain.", "Side Effects", "Headache, often."))
                .write("b/betadrine.md", monograph("Betadrine", "Usage", "Prevents migraine attacks.",
                        "Side Effects", "Nausea; rarely a headache."))
                .write("c/gammadrine.md", monograph("Gammadrine", "Usage", "Relieves a tension headache."));
        return Serving.start("--corpus", t.corpus().toString(), "--index", t.index().toString(), "--pins", pins.toString());
    }

    private static List<String> hits(Serving server, String q) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode h : JSON.readTree(server.get("/api/search?q=" + q).body()).get("hits")) {
            out.add(h.get("slug").asText() + "#" + h.get("anchor").asText() + (h.get("pinned").asBoolean() ? " pinned" : ""));
        }
        return out;
    }

    @Test
    void aPinPutsItsSectionFirstForTheQueryHoweverTypedAndAHideLeavesOneOut() throws Exception {
        Path pins = Files.writeString(temp.resolve("pins.txt"), "# migraine prevention is the answer here\n"
                + "headache => betadrine#usage\nheadache => -alphadrine#side-effects\n");
        try (Serving server = serve(pins)) {
            List<String> hits = hits(server, "HEADACHE");
            assertEquals("betadrine#usage pinned", hits.get(0), hits.toString());
            assertFalse(hits.contains("alphadrine#side-effects"), hits.toString());
            assertTrue(hits.contains("gammadrine#usage"), hits.toString());
            assertEquals(1, hits.stream().filter(h -> h.endsWith("pinned")).count(), "only the pinned hit is marked");
            assertEquals(1, hits.stream().filter(h -> h.startsWith("betadrine#usage")).count(), "and shown once");
            assertTrue(hits(server, "headache+often").contains("alphadrine#side-effects"), "other queries are left alone");
        }
    }

    @Test
    void aPinFoundByTheSearchMovesUpAndTheFileIsReloadedLive() throws Exception {
        Path pins = Files.writeString(temp.resolve("pins.txt"), "");
        try (Serving server = serve(pins)) {
            List<String> before = hits(server, "headache");
            String last = before.get(before.size() - 1);
            assertFalse(last.endsWith("pinned"));
            Files.writeString(pins, "headache => " + last + "\n");
            assertTrue(Serving.eventually(() -> hits(server, "headache").get(0).equals(last + " pinned")),
                    server.log());
            assertEquals(before.size(), hits(server, "headache").size(), "moved, not added");

            Files.writeString(pins, "headache => " + last + "\nthis line is not a rule\n");
            assertTrue(Serving.eventually(() -> server.log().contains(pins + " line 2")), server.log());
            assertEquals(last + " pinned", hits(server, "headache").get(0), "a broken file keeps the previous rules");
        }
    }

    @Test
    void aRuleNamingAMissingMonographOrSectionIsReportedAndTheServerStarts() throws Exception {
        Path pins = Files.writeString(temp.resolve("pins.txt"),
                "headache => nosuchdrine#usage\nheadache => alphadrine#storage\nheadache => gammadrine#usage\n");
        try (Serving server = serve(pins)) {
            assertTrue(server.log().contains(pins + " line 1: no monograph 'nosuchdrine'"), server.log());
            assertTrue(server.log().contains(pins + " line 2: monograph 'alphadrine' has no section #storage"), server.log());
            assertEquals("gammadrine#usage pinned", hits(server, "headache").get(0), "the rule that works still works");
        }
    }
}
