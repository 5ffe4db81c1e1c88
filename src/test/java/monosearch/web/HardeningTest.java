package monosearch.web;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import monosearch.index.ReindexSummary;
import monosearch.testing.RunningServer;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import monosearch.testing.TestLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Overload, access control and hostile requests against the real server. */
class HardeningTest {
    static final String TOKEN = "0123456789abcdef-test-token";

    @TempDir
    static Path temp;
    static TestIndex t;

    @BeforeAll
    static void index() throws IOException {
        t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
    }

    @Test
    void aFloodGetsFast503sWithRetryAfterAndNormalTrafficRecoversAfterIt() throws Exception {
        // Waiting requests may wait a minute, so a 503 can only be a request turned away at once for a full queue:
        // one that took half that long would have waited.
        WebConfig tight = WebConfig.loopback(0).withAdmission(1, 2, 60_000);
        try (RunningServer server = RunningServer.start(t.index(), null, tight, null)) {
            ExecutorService flood = Executors.newFixedThreadPool(32);
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(flood.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> r = server.get("/api/search?q=blood+pressure+bleeding+liver");
                    boolean retryAfter = r.headers().firstValue("retry-after").isPresent();
                    return new long[] {r.statusCode(), System.nanoTime() - start, retryAfter ? 1 : 0};
                }));
            }
            int ok = 0;
            int refused = 0;
            for (Future<long[]> f : answers) {
                long[] a = f.get(60, TimeUnit.SECONDS);
                if (a[0] == 503) {
                    refused++;
                    assertEquals(1, a[2], "503 carries Retry-After");
                    assertTrue(a[1] < TimeUnit.SECONDS.toNanos(30), "refused without waiting: " + a[1] / 1e6 + " ms");
                } else {
                    assertEquals(200, a[0]);
                    ok++;
                }
            }
            flood.shutdown();
            assertTrue(refused > 0, "the flood was shed");
            assertTrue(ok > 0, "some requests were served during the flood");
            assertEquals(200, server.get("/api/search?q=bleeding").statusCode(), "normal traffic after the flood");
        }
    }

    @Test
    void withoutAnAdminTokenThereIsNoReindexRoute() throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            HttpResponse<String> r = post(server, "/api/reindex", "Bearer " + TOKEN);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r.statusCode() + " " + r.body());
        }
    }

    @Test
    void reindexOverHttpNeedsTheTokenAndRunsOneAtATime() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AdminController.Reindex slow = () -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return new ReindexSummary(1, 0, 0, 0, 1, List.of(), List.of(), 0, null, false, 5);
        };
        try (RunningServer server = RunningServer.start(t.index(), null, WebConfig.loopback(0).withAdminToken(TOKEN), slow)) {
            assertEquals(401, post(server, "/api/reindex", null).statusCode());
            assertEquals(403, post(server, "/api/reindex", "Bearer wrong-token").statusCode());
            assertEquals(403, post(server, "/api/reindex", "Bearer " + TOKEN + "x").statusCode());
            ExecutorService one = Executors.newSingleThreadExecutor();
            Future<HttpResponse<String>> first = one.submit(() -> post(server, "/api/reindex", "Bearer " + TOKEN));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            HttpResponse<String> second = post(server, "/api/reindex", "Bearer " + TOKEN);
            assertEquals(409, second.statusCode(), second.body());
            release.countDown();
            HttpResponse<String> done = first.get(30, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode(), done.body());
            assertEquals(1, new ObjectMapper().readTree(done.body()).get("unchanged").asInt());
            one.shutdown();
        }
    }

    @Test
    void theRealReindexOverHttpIndexesANewFile() throws Exception {
        TestIndex own = new TestIndex(temp.resolve("own")).write("a/alpha.md", monograph("Alphadrine", "Usage", "Test only."));
        own.reindex();
        AdminController.Reindex real = own::reindex;
        try (RunningServer server = RunningServer.start(own.index(), null, WebConfig.loopback(0).withAdminToken(TOKEN), real)) {
            own.write("b/beta.md", monograph("Betadrine", "Usage", "Also a test."));
            HttpResponse<String> r = post(server, "/api/reindex", "Bearer " + TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, new ObjectMapper().readTree(r.body()).get("added").asInt());
        }
    }

    @Test
    void corsIsOffByDefaultAndAllowsOnlyTheNamedOrigins() throws Exception {
        try (RunningServer closed = RunningServer.start(t.index())) {
            HttpResponse<String> r = closed.send(HttpRequest.newBuilder(URI.create(closed.baseUrl() + "/api/search?q=x"))
                    .header("Origin", "https://other.example").build());
            assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
        }
        WebConfig open = WebConfig.loopback(0).withCorsOrigins(List.of("https://wiki.example"));
        try (RunningServer server = RunningServer.start(t.index(), null, open, null)) {
            HttpResponse<String> allowed = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?q=x"))
                    .header("Origin", "https://wiki.example").build());
            assertEquals("https://wiki.example", allowed.headers().firstValue("access-control-allow-origin").orElse(null));
            HttpResponse<String> other = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/search?q=x"))
                    .header("Origin", "https://evil.example").build());
            assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
        }
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/assets/..%2f..%2f..%2fpom.xml", "/assets/%2e%2e%2f%2e%2e%2fpom.xml", "/monographs/..%2f..%2fpom.xml",
            "/api/monographs/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..;/pom.xml", "/assets/app.js%00.txt",
            "/%2e%2e/%2e%2e/etc/passwd", "/assets//../../monosearch/sections.txt"})
    void pathTraversalNeverReachesAFileOutsideTheServedResources(String path) throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            String response = raw(server.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status == 400 || status == 404, path + " → " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("root:"), "no /etc/passwd");
            assertFalse(response.contains("<artifactId>"), "no pom.xml");
            assertFalse(response.contains("Canonical Name"), "no classpath resource outside web/");
        }
    }

    static Stream<Arguments> requestsJettyRefusesBeforeAnyRoute() {
        String sections = IntStream.range(0, 3000).mapToObj(i -> "section=side+effects").collect(Collectors.joining("&"));
        return Stream.of(
                Arguments.of("3,000 section values", "GET /api/search?q=x&" + sections + " HTTP/1.1\r\nHost: x\r\n", 414),
                Arguments.of("a 100 KB header", "GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n", 431),
                Arguments.of("a bad escape in the path", "GET /%zz HTTP/1.1\r\nHost: x\r\n", 400),
                Arguments.of("a path leaving the root", "GET /assets/../../pom.xml HTTP/1.1\r\nHost: x\r\n", 400),
                Arguments.of("a path parameter segment", "GET /..;/pom.xml HTTP/1.1\r\nHost: x\r\n", 400));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("requestsJettyRefusesBeforeAnyRoute")
    void requestsJettyRefusesBeforeAnyRouteGetTheSameJsonErrorAsEveryOther(String what, String request, int status)
            throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            String response = raw(server.port(), request + "Connection: close\r\n\r\n");
            assertEquals(status, Integer.parseInt(response.substring(9, 12)), response);
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertTrue(head.contains("\r\ncontent-type: application/json"), head);
            assertTrue(head.contains("\r\nx-content-type-options: nosniff") && head.contains("\r\nx-frame-options: deny")
                    && head.contains("\r\ncontent-security-policy: "), "the security headers of every response: " + head);
            JsonNode body = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(status, body.get("status").asInt());
            assertFalse(body.get("error").asText().isBlank());
        }
    }

    @Test
    void theOneRouteThatReadsABodyTakes16KiBAndRefusesMoreWith413() throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            assertEquals(204, postBody(server, "/api/opened", "x".repeat(16 * 1024)).statusCode());
            HttpResponse<String> big = postBody(server, "/api/opened", "x".repeat(16 * 1024 + 1));
            assertEquals(413, big.statusCode(), big.body());
            assertEquals(413, new ObjectMapper().readTree(big.body()).get("status").asInt(), big.body());
            // A megabyte announced and none of it sent: a server that tried to read the body would wait for it and
            // never answer. (Sending the megabyte too would race the server's close against the client's writing:
            // the client may then see a reset instead of the answer, which says nothing about the server.)
            String search = raw(server.port(), "POST /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000000\r\nConnection: close\r\n\r\n");
            assertEquals("405", search.substring(9, 12), "a route that takes no body never reads one: " + search);
            String json = search.substring(search.indexOf("\r\n\r\n") + 4);
            assertEquals(405, new ObjectMapper().readTree(json).get("status").asInt(), search);
            assertEquals(200, server.get("/api/search?q=x").statusCode(), "the server is fine afterwards");
        }
    }

    private static HttpResponse<String> postBody(RunningServer server, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aQueryCannotForgeALineOfTheRequestLog() throws Exception {
        // The real request log, read line by line from where the log is written, as an operator's tools would.
        WebConfig logging = new WebConfig("127.0.0.1", 0, true, true, List.of(), null, 4, 8, 1000, 32);
        try (RunningServer server = RunningServer.start(t.index(), null, logging, null)) {
            TestLog log = new TestLog();
            // A raw U+2028 (a line break to many log viewers) and an encoded CR LF before a made-up log line.
            String query = "q=zzmarker\u2028%0d%0arequest+method%3DGET+path%3D%22%2Fforged%22+status%3D200";
            String response = raw(server.port(), "GET /api/search?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    StandardCharsets.UTF_8);
            assertEquals("200", response.substring(9, 12), response);
            String logged = awaitLine(log, "zzmarker");
            assertTrue(logged.contains("/api/search") && logged.contains("status=200"), logged);
            assertTrue(logged.chars().noneMatch(c -> c < 0x20 || c == '\u2028' || c == '\u2029'), "escaped: " + logged);
            assertTrue(logged.contains("\\u2028"), "the separator is written as an escape: " + logged);
            List<String> forged = log.text().lines().filter(l -> l.contains("/forged") && !l.contains("zzmarker")).toList();
            assertTrue(forged.isEmpty(), "a line of the query's own making: " + forged);
        }
    }

    /** The request log is written once the response is sent: the line may come a moment after it. */
    private static String awaitLine(TestLog log, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Serving.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : log.text().split("\n")) {
                if (line.contains(containing)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no log line with " + containing + " in: " + log.text());
    }

    static HttpResponse<String> post(RunningServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return server.send(b.build());
    }

    /** Sends bytes as they are, so paths no HTTP client would send reach the server unchanged. */
    static String raw(int port, String request) throws IOException {
        return raw(port, request, StandardCharsets.ISO_8859_1);
    }

    static String raw(int port, String request, Charset encoding) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            // Only against a hang: a server that answers at all answers long before.
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(encoding));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
