package monosearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.RunningServer;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import monosearch.testing.TestLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One log: every request has an id, the request log names it, and a 500 logs its stack trace under it. */
class RequestLogTest {
    @TempDir
    static Path temp;
    static TestIndex t;

    @BeforeAll
    static void index() throws Exception {
        t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsKept() throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            for (String path : List.of("/api/search?q=bleeding", "/nope", "/api/search", "/")) {
                String id = server.get(path).headers().firstValue("x-request-id").orElse("");
                assertTrue(id.matches("[0-9a-f]{16}"), path + " → " + id);
            }
            assertNotEquals(server.get("/").headers().firstValue("x-request-id"),
                    server.get("/").headers().firstValue("x-request-id"), "a fresh id per request");
            assertEquals("proxy-4711-abc", idFor(server, "proxy-4711-abc"));
            String replaced = idFor(server, "x\" status=200 forged=" + "y".repeat(80));
            assertTrue(replaced.matches("[0-9a-f]{16}"), "an odd incoming id is replaced: " + replaced);
        }
    }

    @Test
    void aFailedRequestLogsItsStackTraceUnderTheIdTheClientIsGiven() throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            TestLog err = new TestLog();
            server.liveIndex().close();
            HttpResponse<String> r = server.get("/api/search?q=bleeding");
            assertEquals(500, r.statusCode(), r.body());
            JsonNode body = new ObjectMapper().readTree(r.body());
            String id = r.headers().firstValue("x-request-id").orElseThrow();
            assertEquals(id, body.get("requestId").asText());
            assertTrue(body.get("error").asText().contains(id), body.toString());
            assertFalse(r.body().contains("Exception") || r.body().contains("at monosearch."), r.body());
            String log = err.text();
            assertTrue(log.contains("ERROR") && log.contains("request id=" + id + " failed: GET \"/api/search\""), log);
            assertTrue(log.contains("AlreadyClosedException") && log.contains("\tat monosearch.search."), "the stack trace: " + log);
        }
    }

    @Test
    void theRequestLogIsOneLevelledLinePerRequestWithItsId() throws Exception {
        WebConfig logging = new WebConfig("127.0.0.1", 0, true, false, List.of(), null, 4, 8, 1000, 32);
        try (RunningServer server = RunningServer.start(t.index(), null, logging, null)) {
            TestLog err = new TestLog();
            String id = server.get("/api/search?q=bleeding").headers().firstValue("x-request-id").orElseThrow();
            String line = awaitLine(err, "id=" + id);
            assertTrue(line.matches("\\S+ \\[[^]]+] INFO WebServer - request id=" + id
                    + " method=GET path=\"/api/search\" status=200 ms=\\d+\\.\\d\\d"), line);
            assertFalse(line.contains("bleeding"), "no query text unless --log-queries");
        }
    }

    private static String idFor(RunningServer server, String incoming) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                .header("X-Request-Id", incoming).build();
        return server.send(request).headers().firstValue("x-request-id").orElse("");
    }

    /** The request log is written after the response is sent, so the line may come a moment after it. */
    private static String awaitLine(TestLog err, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Serving.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : err.text().split("\n")) {
                if (line.contains(containing)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        return "no line with " + containing + " in: " + err.text();
    }
}
