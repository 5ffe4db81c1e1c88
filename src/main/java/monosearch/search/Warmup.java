package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs representative searches before the server takes traffic: on two cores the JIT compiler otherwise
 * competes with the first requests, which then run several times slower for tens of seconds.
 */
public final class Warmup {
    private static final String[] PATTERNS = {"%s", "%s side effects", "%s dose", "how does %s work", "%s pregnancy"};
    private static final String[] TOPICS = {"capillary leak", "low blood pressure", "liver damage", "bleeding",
            "\"tumor lysis syndrome\"", "nausea vomiting", "kidney", "thrombocyto*", "renal impairment dose",
            "interactions", "hypersensitivity reactions", "qt prolongation", "headache"};

    private final SearchService search;

    public Warmup(SearchService search) {
        this.search = search;
    }

    /**
     * Searches on {@code threads} threads until {@code rounds} queries ran or {@code maxMillis} passed;
     * returns the number run. Every core busy compiles the hot code soonest.
     */
    public int run(int rounds, long maxMillis, int threads) throws IOException {
        List<String> queries = queries();
        if (queries.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < rounds && System.nanoTime() < deadline) {
                        String q = queries.get(i % queries.size());
                        search.search(SearchRequest.of(q, 10));
                        if (i % 10 == 0) {
                            search.suggest(q.substring(0, Math.min(3, q.length())), 8);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IOException("warm-up search failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Math.min(next.get(), rounds);
    }

    private List<String> queries() throws IOException {
        List<String> out = new ArrayList<>(List.of(TOPICS));
        List<DrugNames.Drug> drugs = search.suggest("a", 20);
        for (int i = 0; i < drugs.size(); i++) {
            String name = drugs.get(i).drug();
            out.add(String.format(PATTERNS[i % PATTERNS.length], name));
            // A misspelling, so the fuzzy and suggestion paths get compiled too.
            if (name.length() >= 6) {
                out.add(name.substring(0, name.length() - 1));
            }
        }
        return out;
    }
}
