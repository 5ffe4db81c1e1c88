package monosearch.web;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reindex run by another process is picked up by a running server without a restart or a failed request. */
class ReindexPickupTest {
    @TempDir
    Path temp;

    @Test
    void aReindexByAnotherProcessIsServedWithinTwoSecondsWithoutFailingARequest() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        try (RunningServer server = RunningServer.start(t.index())) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Thread load = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = server.get("/api/search?q=capillary+leak");
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            synchronized (failures) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
            load.start();
            t.write("z/zebrafenib.md", monograph("Zebrafenib", "Usage", "An invented kinase inhibitor for this test."));
            Process reindex = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "monosearch.cli.Main", "reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString())
                    .redirectErrorStream(true).start();
            String output = new String(reindex.getInputStream().readAllBytes());
            assertTrue(reindex.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, reindex.exitValue(), output);
            long committed = System.nanoTime();
            long seen = -1;
            while (System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(5)) {
                String body = server.get("/api/search?q=zebrafenib").body();
                if (new ObjectMapper().readTree(body).get("total").asLong() > 0) {
                    seen = System.nanoTime();
                    break;
                }
                Thread.sleep(50);
            }
            running.set(false);
            load.join();
            assertTrue(seen > 0, "the new monograph was never served");
            assertTrue(seen - committed < TimeUnit.SECONDS.toNanos(2), "picked up after " + (seen - committed) / 1e6 + " ms");
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(ok.get() > 5, "requests kept flowing: " + ok.get());
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
