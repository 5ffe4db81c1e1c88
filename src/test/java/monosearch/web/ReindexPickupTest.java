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
import monosearch.testing.ChildJvm;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reindex run by another process is picked up by a running server without a restart or a failed request. */
class ReindexPickupTest {
    @TempDir
    Path temp;

    @Test
    void aReindexByAnotherProcessIsServedWithoutARestartAndWithoutFailingARequest() throws Exception {
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
                        // A steady flow, not a flood: the reindexing child needs the second core.
                        Thread.sleep(5);
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
            load.start();
            awaitMore(ok, 0, "requests answered before the reindex");
            t.write("z/zebrafenib.md", monograph("Zebrafenib", "Usage", "An invented kinase inhibitor for this test."));
            Process reindex = ChildJvm.main("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString())
                    .redirectErrorStream(true).start();
            String output = new String(reindex.getInputStream().readAllBytes());
            assertEquals(0, ChildJvm.exitStatus(reindex), output);
            // The server looks for a new commit every 200 ms: a minute is only there so a broken refresh ends the test.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            boolean served = false;
            while (!served && System.nanoTime() < deadline) {
                String body = server.get("/api/search?q=zebrafenib").body();
                served = new ObjectMapper().readTree(body).get("total").asLong() > 0;
                if (!served) {
                    Thread.sleep(50);
                }
            }
            awaitMore(ok, ok.get(), "requests answered after the new version was served");
            running.set(false);
            load.join();
            assertTrue(served, "the new monograph was never served");
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    /** Waits until the load has more answers than {@code than}; fails (rather than hang) if it stops for a minute. */
    private static void awaitMore(AtomicInteger answered, int than, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (answered.get() <= than) {
            assertTrue(System.nanoTime() < deadline, "no " + what);
            Thread.sleep(10);
        }
    }
}
