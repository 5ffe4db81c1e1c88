package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import monosearch.monograph.TableText;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synonyms, intents and sections tables of a running server are reloaded when their files change. */
class LiveTablesTest {
    static final String TOKEN = "0123456789abcdef-tables";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestIndex corpus() {
        return new TestIndex(temp)
                .write("g/glossadrine.md", monograph("Glossadrine", "Usage", "Treats nothing; invented for this test.",
                        "Side Effects", "Glossitis and a dry mouth.", "Zorbnotes", "Keep the tablets cool and dry."))
                .write("h/hepatodrine.md", monograph("Hepatodrine", "Usage", "Another invented drug.",
                        "Side Effects", "Headache."));
    }

    private Serving serve(TestIndex t, String... tableArgs) throws Exception {
        Path token = Files.writeString(temp.resolve("token"), TOKEN);
        String[] args = new String[6 + tableArgs.length];
        System.arraycopy(new String[] {"--corpus", t.corpus().toString(), "--index", t.index().toString(),
                "--admin-token-file", token.toString()}, 0, args, 0, 6);
        System.arraycopy(tableArgs, 0, args, 6, tableArgs.length);
        return Serving.start(args);
    }

    private static long total(Serving server, String q) throws Exception {
        return JSON.readTree(server.get("/api/search?q=" + q).body()).get("total").asLong();
    }

    @Test
    void aSynonymAddedToTheFileIsUsedWithoutARestart() throws Exception {
        TestIndex t = corpus();
        Path synonyms = Files.writeString(temp.resolve("synonyms.txt"), "tylenol, acetaminophen\n");
        try (Serving server = serve(t, "--synonyms", synonyms.toString())) {
            assertEquals(0, total(server, "zorbleflux"), "not a synonym yet");
            Files.writeString(synonyms, "zorbleflux, glossitis\n", StandardOpenOption.APPEND);
            assertTrue(Serving.eventually(() -> total(server, "zorbleflux") > 0), server.log());
            assertTrue(server.log().contains("synonyms table reloaded from " + synonyms), server.log());
        }
    }

    @Test
    void aBrokenLineKeepsThePreviousTableIsReportedWithFileAndLineAndTheServerKeepsAnswering() throws Exception {
        TestIndex t = corpus();
        Path synonyms = Files.writeString(temp.resolve("synonyms.txt"), "zorbleflux, glossitis\n");
        Path intents = Files.writeString(temp.resolve("intents.txt"), TableText.bundled("/monosearch/intents.txt"));
        try (Serving server = serve(t, "--synonyms", synonyms.toString(), "--intents", intents.toString())) {
            assertTrue(total(server, "zorbleflux") > 0);
            Files.writeString(synonyms, "zorbleflux, glossitis\n# a comment\nfoo => bar => baz\n");
            Files.writeString(intents, "dose => Dosage\nno arrow on this line\n", StandardOpenOption.APPEND);
            assertTrue(Serving.eventually(() -> server.log().contains(synonyms + " line 3") && server.log().contains(intents + " line ")),
                    server.log());
            assertEquals(200, server.get("/api/search?q=zorbleflux").statusCode());
            assertTrue(total(server, "zorbleflux") > 0, "the previous synonyms are still used");

            assertEquals(401, server.post("/api/admin/reload", null, null).statusCode());
            var reload = server.post("/api/admin/reload", TOKEN, null);
            assertEquals(200, reload.statusCode(), reload.body());
            JsonNode tables = JSON.readTree(reload.body()).get("tables");
            assertEquals("bundled", find(tables, "sections").get("status").asText());
            assertEquals("kept", find(tables, "synonyms").get("status").asText());
            assertTrue(find(tables, "synonyms").get("error").asText().startsWith(synonyms + " line 3: "), tables.toString());
            assertEquals("kept", find(tables, "intents").get("status").asText());

            Files.writeString(synonyms, "zorbleflux, headache\n");
            JsonNode fixed = JSON.readTree(server.post("/api/admin/reload", TOKEN, null).body()).get("tables");
            assertEquals("loaded", find(fixed, "synonyms").get("status").asText());
            JsonNode hit = JSON.readTree(server.get("/api/search?q=zorbleflux").body()).get("hits").get(0);
            assertEquals("hepatodrine", hit.get("slug").asText(), "the mended file is used at once");
        }
    }

    @Test
    void aChangedSectionsTableReindexesTheCorpusInTheRunningServer() throws Exception {
        TestIndex t = corpus();
        Path sections = Files.writeString(temp.resolve("sections.txt"), TableText.bundled("/monosearch/sections.txt"));
        try (Serving server = serve(t, "--sections", sections.toString())) {
            assertEquals("Zorbnotes", section(server, "tablets+cool"));
            Files.writeString(sections, "\nStorage: Zorbnotes\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            assertTrue(Serving.eventually(() -> "Storage".equals(section(server, "tablets+cool"))),
                    server.log());
            assertTrue(server.log().contains("full rebuild"), server.log());
        }
    }

    private static String section(Serving server, String q) throws Exception {
        return JSON.readTree(server.get("/api/search?q=" + q).body()).get("hits").get(0).get("section").asText();
    }

    private static JsonNode find(JsonNode tables, String table) {
        for (JsonNode t : tables) {
            if (t.get("table").asText().equals(table)) {
                return t;
            }
        }
        throw new AssertionError("no " + table + " in " + tables);
    }
}
