package monosearch.solrplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One node of two stops while clients query the collection (2 shards x 2 replicas): nothing is lost. */
@ExtendWith(SharedCorpus.class)
class NodeStoppedUnderLoadTest {
    private static final int CLIENTS = 4;
    private static final int QUERIES = 20;
    /** Queries answered before the stop, and after it, by all clients together. */
    private static final int ANSWERS_EACH_SIDE = 2 * QUERIES;

    private final Cluster cluster;
    private final boolean withFda;

    NodeStoppedUnderLoadTest(SharedCorpus.Indexed indexed) {
        cluster = indexed.cluster;
        withFda = indexed.withFda;
    }

    @Test
    void aNodeStoppedWhileFourClientsQueryFailsNoQueryAndChangesNoTopTen() throws Exception {
        MiniSolrCloudCluster mini = cluster.mini();
        List<JettySolrRunner> nodes = List.copyOf(mini.getJettySolrRunners());
        List<String> urls = nodes.stream().map(n -> n.getBaseUrl().toString()).toList();
        List<String> queries = RankingParityTest.Judged.load(Cluster.sibling("src/test/resources/relevance/judgments.tsv"), withFda)
                .stream().map(RankingParityTest.Judged::query).distinct().limit(QUERIES).toList();
        Map<String, List<String>> before = new LinkedHashMap<>();
        try (FailoverClient client = new FailoverClient(urls, 0)) {
            for (String q : queries) {
                before.put(q, topTen(client, q));
            }
        }

        JettySolrRunner stopping = nodes.get(1);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answeredBefore = new AtomicInteger();
        AtomicInteger answeredAfter = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                clients.add(pool.submit(() -> {
                    // Half the clients start on the node that stops.
                    try (FailoverClient client = new FailoverClient(urls, id)) {
                        for (int i = id; !done.get(); i++) {
                            String q = queries.get(i % queries.size());
                            boolean afterStop = stopped.get();
                            try {
                                List<String> top = topTen(client, q);
                                if (!top.equals(before.get(q))) {
                                    problems.add("'" + q + "' changed: " + before.get(q) + " -> " + top);
                                }
                            } catch (Exception e) {
                                problems.add("'" + q + "' failed: " + e);
                            }
                            (afterStop ? answeredAfter : answeredBefore).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            awaitAtLeast(answeredBefore::get, ANSWERS_EACH_SIDE, "answers before the stop");
            try {
                long stopStart = System.nanoTime();
                mini.stopJettySolrRunner(stopping);
                mini.waitForJettyToStop(stopping);
                stopped.set(true);
                System.out.printf("node stopped under load: the stop took %.1f s%n", (System.nanoTime() - stopStart) / 1e9);
                awaitAtLeast(answeredAfter::get, ANSWERS_EACH_SIDE, "answers after the stop");
                done.set(true);
                for (Future<?> f : clients) {
                    f.get();
                }
                System.out.printf("node stopped under load: %d queries answered before the stop, %d after, %d problems%n",
                        answeredBefore.get(), answeredAfter.get(), problems.size());
                assertEquals(List.of(), problems);
                try (FailoverClient client = new FailoverClient(urls, 1)) {
                    for (String q : queries) {
                        assertEquals(before.get(q), topTen(client, q), "top 10 of '" + q + "' with one node left");
                    }
                }
            } finally {
                done.set(true);
                // The other classes share this cluster: it leaves as it came, with both nodes and every replica active.
                long restart = System.nanoTime();
                mini.startJettySolrRunner(stopping);
                mini.waitForActiveCollection(Cluster.COLLECTION, 2, 4);
                System.out.printf("node stopped under load: restart and recovery took %.1f s%n", (System.nanoTime() - restart) / 1e9);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "clients still running");
        }
    }

    /**
     * The query's ten best matches as the collection ranked them, equal scores by id: the two replicas of a shard
     * may hold their documents in different orders, so they break ties differently.
     */
    private static List<String> topTen(FailoverClient client, String query) throws Exception {
        return SolrSearch.search(client, query, 0, 10).ranked().stream()
                .sorted(Comparator.comparing(SolrSearch.Hit::score).reversed().thenComparing(h -> h.slug() + "/" + h.anchor()))
                .limit(10).map(h -> h.slug() + "/" + h.anchor()).toList();
    }

    /** Waits for the load to reach a count; a stuck load fails the test instead of hanging the build. */
    private static void awaitAtLeast(IntSupplier count, int wanted, String what) throws InterruptedException {
        for (int i = 0; count.getAsInt() < wanted; i++) {
            assertTrue(i < 6000, "only " + count.getAsInt() + " of " + wanted + " " + what + " after 10 minutes");
            Thread.sleep(100);
        }
    }
}
