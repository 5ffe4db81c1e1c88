package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wrk load reports of failed requests: how many, and of which kind. */
class WrkLoadTest {
    @Test
    void theErrorsOfTheSummaryLineAreToldByKindAndStatusCode() {
        Matcher m = WrkLoad.SUMMARY.matcher("MONOSEARCH requests=10 duration_us=1000000 p50_us=1 p99_us=2 p999_us=3 "
                + "mean_us=1.5 max_us=4 errors=6 connect=0 read=1 write=0 timeout=2 status=3 codes=503:2,400:1\n");
        assertTrue(m.find());
        assertEquals("read 1, timeout 2, status 503 ×2, 400 ×1", WrkLoad.errorKinds(m));
        Matcher none = WrkLoad.SUMMARY.matcher("MONOSEARCH requests=10 duration_us=1 p50_us=1 p99_us=2 p999_us=3 "
                + "mean_us=1.5 max_us=4 errors=0 connect=0 read=0 write=0 timeout=0 status=0 codes=\n");
        assertTrue(none.find());
        assertEquals("", WrkLoad.errorKinds(none));
    }

    @Test
    void aRealWrkRunSendsEachUrlOnceAndCountsTheAnswersThatAreNoSuccessByTheirCode(@TempDir Path tmp) throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        assumeTrue(Files.isExecutable(wrk), "wrk is not installed (apt-get install wrk); the bench falls back to its Java client");
        List<String> received = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"tookMs\":1.0}".getBytes(StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(exchange.getRequestURI().toString());
            }
            int status = exchange.getRequestURI().getPath().startsWith("/busy") ? 503 : 200;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                paths.add(i % 4 == 0 ? "/busy?i=" + i : "/ok?i=" + i);
            }
            HttpFigures f = new WrkLoad(wrk, tmp).runEach("test", server.getAddress().getPort(), paths, 2, 30);
            assertEquals(20, f.requests());
            assertEquals(5, f.errors());
            assertEquals("status 503 ×5", f.errorKinds());
            received.sort(null);
            List<String> sent = new ArrayList<>(paths);
            sent.sort(null);
            assertEquals(sent, received, "each URL exactly once");
        } catch (IOException e) {
            throw new AssertionError("wrk run failed: " + e.getMessage(), e);
        } finally {
            server.stop(0);
        }
    }
}
