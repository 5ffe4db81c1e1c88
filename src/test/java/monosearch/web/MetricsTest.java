package monosearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import monosearch.testing.PrometheusText;
import monosearch.testing.RunningServer;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics in the Prometheus text format, read back as Prometheus would. */
class MetricsTest {
    static final String TOKEN = "0123456789abcdef-metrics";

    @TempDir
    static Path temp;
    static TestIndex t;

    @BeforeAll
    static void index() throws Exception {
        t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
    }

    private static RunningServer withMetrics() throws Exception {
        return RunningServer.startWith(t.index(), null, WebConfig.loopback(0).withAdminToken(TOKEN),
                WebServer.Parts.basic(t::reindex).withMetrics(ServerMetrics.prometheus()));
    }

    @Test
    void theSearchLatencyHistogramCountsEverySearch() throws Exception {
        try (RunningServer server = withMetrics()) {
            HttpResponse<String> first = server.get("/metrics");
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
            PrometheusText before = new PrometheusText(first.body());
            assertEquals("histogram", before.type("monosearch_search_seconds"));
            double counted = before.value("monosearch_search_seconds_count");
            for (String q : new String[] {"bleeding", "capillary+leak", "warfarin+dose"}) {
                assertEquals(200, server.get("/api/search?q=" + q).statusCode());
            }
            PrometheusText after = new PrometheusText(server.get("/metrics").body());
            assertEquals(counted + 3, after.value("monosearch_search_seconds_count"));
            assertEquals(counted + 3, after.value("monosearch_search_seconds_bucket", "le", "+Inf"));
            assertTrue(after.value("monosearch_search_seconds_sum") > before.value("monosearch_search_seconds_sum"));
            for (String phase : new String[] {"plan", "count", "rank", "snippets"}) {
                assertEquals(counted + 3, after.value("monosearch_search_phase_seconds_count", "phase", phase), phase);
                assertTrue(after.value("monosearch_search_phase_seconds_sum", "phase", phase) > 0, phase);
            }
        }
    }

    @Test
    void requestsAreCountedByRouteAndStatusAndTheIndexAndJvmAreShown() throws Exception {
        try (RunningServer server = withMetrics()) {
            server.get("/monographs/clofarabine");
            server.get("/monographs/warfarin");
            server.get("/api/search?limit=5");
            server.get("/no/such/page");
            long version = new ObjectMapper().readTree(server.get("/health").body()).get("indexVersion").asLong();
            PrometheusText m = awaitCount(server, "/monographs/{slug}", "200", 2);
            assertEquals(2, m.value("monosearch_http_requests_seconds_count", "route", "/monographs/{slug}", "status", "200"));
            assertEquals(1, m.value("monosearch_http_requests_seconds_count", "route", "/api/search", "status", "400"));
            assertEquals(1, m.value("monosearch_http_requests_seconds_count", "route", "unmatched", "status", "404"));
            assertTrue(m.samples("monosearch_http_requests_seconds_count").stream()
                    .noneMatch(s -> s.labels().get("route").contains("clofarabine")), "one series per route, not per URL");
            assertEquals(version, m.value("monosearch_index_version"));
            assertEquals(47, m.value("monosearch_index_monographs"));
            assertTrue(m.value("monosearch_index_sections") > 300);
            double age = m.value("monosearch_index_last_commit_age_seconds");
            assertTrue(age >= 0 && age < 3600, "seconds since the commit: " + age);
            assertEquals(0, m.value("monosearch_admission_waiting"));
            assertEquals(0, m.value("monosearch_admission_rejected_total"));
            assertTrue(m.value("jvm_memory_used_bytes", "area", "heap") > 0);
            assertTrue(m.hasFamilyStartingWith("jvm_gc_"));
        }
    }

    @Test
    void aReindexRunIsCountedByTriggerAndOutcome() throws Exception {
        try (RunningServer server = withMetrics()) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/reindex"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertEquals(200, server.send(post).statusCode());
            PrometheusText m = new PrometheusText(server.get("/metrics").body());
            assertEquals(1, m.value("monosearch_reindex_seconds_count", "trigger", "admin", "outcome", "unchanged"));
            assertTrue(Double.isNaN(m.value("monosearch_reindex_seconds_count", "outcome", "failed")));
        }
    }

    @Test
    void withMetricsOffThereIsNoRoute() throws Exception {
        try (RunningServer server = RunningServer.start(t.index())) {
            HttpResponse<String> r = server.get("/metrics");
            assertEquals(404, r.statusCode());
            assertFalse(r.body().contains("jvm_"));
        }
    }

    /** Requests are counted once answered, so the count may trail the client by a moment. */
    private static PrometheusText awaitCount(RunningServer server, String route, String status, double count)
            throws Exception {
        long deadline = System.nanoTime() + Serving.PATIENCE.toNanos();
        PrometheusText m;
        do {
            m = new PrometheusText(server.get("/metrics").body());
            if (m.value("monosearch_http_requests_seconds_count", "route", route, "status", status) >= count) {
                return m;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return m;
    }
}
