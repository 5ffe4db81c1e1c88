package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search analytics: off by default, aggregated, shown past a threshold, kept across restarts for a limited time. */
class AnalyticsTest {
    static final String TOKEN = "0123456789abcdef-analytics";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Serving serve(boolean analytics) throws Exception {
        TestIndex t = new TestIndex(temp);
        if (!Files.exists(t.corpus().resolve("w/warfarin.md"))) {
            t.write("w/warfarin.md", monograph("Warfarin", "Dosage", "Dose by INR.", "Side Effects", "Bleeding, headache."));
        }
        Path token = Files.writeString(temp.resolve("token"), TOKEN);
        List<String> args = new ArrayList<>(List.of("--corpus", t.corpus().toString(), "--index", t.index().toString(),
                "--admin-token-file", token.toString(), "--analytics-file", file().toString()));
        if (analytics) {
            args.add("--analytics");
        }
        return Serving.start(args.toArray(String[]::new));
    }

    private Path file() {
        return temp.resolve("data").resolve("analytics.json");
    }

    private static void search(Serving server, String q, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertEquals(200, server.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode());
        }
    }

    private static JsonNode analytics(Serving server) throws Exception {
        var r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/admin/analytics"))
                .header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Set<String> queries(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(q -> out.add(q.get("query").asText()));
        return out;
    }

    private static JsonNode entry(JsonNode list, String query) {
        for (JsonNode q : list) {
            if (q.get("query").asText().equals(query)) {
                return q;
            }
        }
        throw new AssertionError(query + " not in " + list);
    }

    @Test
    void withoutTheFlagNothingIsCountedAndNothingIsWritten() throws Exception {
        try (Serving server = serve(false)) {
            search(server, "warfarin dose", 6);
            assertEquals(204, server.post("/api/opened", null, "warfarin dose").statusCode());
            var r = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/admin/analytics"))
                    .header("Authorization", "Bearer " + TOKEN).build());
            assertEquals(404, r.statusCode());
        }
        assertFalse(Files.exists(file()), "no analytics file");
    }

    @Test
    void aQueryIsShownOnceAskedFiveTimesAndTheCountsSurviveARestart() throws Exception {
        try (Serving server = serve(true)) {
            search(server, "Warfarin dose", 3);
            search(server, "  warfarin   DOSE ", 2);
            search(server, "bleeding", 4);
            search(server, "headache", 5);
            search(server, "zzqqxxv", 5);
            assertEquals(204, server.post("/api/opened", null, "warfarin dose").statusCode());
            assertEquals(204, server.post("/api/opened", null, "a query nobody searched").statusCode());

            assertEquals(401, server.get("/api/admin/analytics").statusCode());
            JsonNode report = analytics(server);
            assertEquals(Set.of("warfarin dose", "headache", "zzqqxxv"), queries(report.get("top")), "bleeding was asked 4 times");
            JsonNode dose = entry(report.get("top"), "warfarin dose");
            assertEquals(5, dose.get("searches").asInt(), "one query, however it was typed");
            assertEquals(1, dose.get("opened").asInt());
            assertEquals(Set.of("zzqqxxv"), queries(report.get("zeroResults")));
            assertEquals(Set.of("headache"), queries(report.get("unopened")));
        }
        JsonNode stored = JSON.readTree(file().toFile());
        assertEquals(Set.of("version", "days"), names(stored), "counts only");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(Set.of(today), names(stored.get("days")), "one day, no time of day");
        assertEquals(Set.of("warfarin dose", "bleeding", "headache", "zzqqxxv"), names(stored.get("days").get(today)),
                "no text from a beacon for a query never searched");

        try (Serving server = serve(true)) {
            search(server, "bleeding", 1);
            JsonNode report = analytics(server);
            assertEquals(5, entry(report.get("top"), "bleeding").get("searches").asInt(), "4 before the restart, 1 after");
            assertEquals(5, entry(report.get("top"), "warfarin dose").get("searches").asInt());
        }
        MainTest.Run cli = MainTest.run("analytics", "--analytics-file", file().toString());
        assertEquals(0, cli.status(), cli.err());
        assertTrue(cli.out().contains("top queries") && cli.out().contains("bleeding"), cli.out());
        assertTrue(cli.out().matches("(?s).*found nothing\\n.*zzqqxxv.*never opened\\n.*headache.*"), cli.out());
    }

    @Test
    void daysPastTheRetentionAreDropped() throws Exception {
        String old = LocalDate.now(ZoneOffset.UTC).minusDays(100).toString();
        String recent = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\":1,\"days\":{\"" + old + "\":{\"ancient query\":[50,0,0]},\""
                + recent + "\":{\"recent query\":[7,0,2]}}}");
        try (Serving server = serve(true)) {
            JsonNode report = analytics(server);
            assertEquals(Set.of("recent query"), queries(report.get("top")));
            assertEquals(90, report.get("days").asInt());
        }
        assertEquals(Set.of(recent), names(JSON.readTree(file().toFile()).get("days")), "the old day is deleted from the file");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
