package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import monosearch.testing.PrometheusText;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --cache-mb: what the result cache answers shows in /metrics, and 0 turns it off. */
class ResultCacheServingTest {
    @TempDir
    Path temp;

    private Serving serve(String cacheMb) throws Exception {
        TestIndex t = new TestIndex(temp)
                .write("a/alphadrine.md", monograph("Alphadrine", "Usage", "Invented for this test.", "Side Effects", "Nausea."));
        return Serving.start("--corpus", t.corpus().toString(), "--index", t.index().toString(), "--cache-mb", cacheMb);
    }

    @Test
    void aRepeatedSearchIsCountedAsACacheHit() throws Exception {
        try (Serving server = serve("1")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get("/api/search?q=nausea").statusCode());
            }
            assertEquals(200, server.get("/api/search?q=headache").statusCode());
            PrometheusText m = new PrometheusText(server.get("/metrics").body());
            assertEquals(2, m.value("monosearch_cache_hits_total"));
            assertEquals(2, m.value("monosearch_cache_misses_total"));
            assertEquals(2, m.value("monosearch_cache_entries"));
            assertEquals(1 << 20, m.value("monosearch_cache_max_size_bytes"));
        }
    }

    @Test
    void aCacheOfZeroMegabytesAnswersNothingFromMemory() throws Exception {
        try (Serving server = serve("0")) {
            server.get("/api/search?q=nausea");
            server.get("/api/search?q=nausea");
            PrometheusText m = new PrometheusText(server.get("/metrics").body());
            assertEquals(0, m.value("monosearch_cache_hits_total"));
            assertEquals(0, m.value("monosearch_cache_max_size_bytes"));
        }
    }
}
