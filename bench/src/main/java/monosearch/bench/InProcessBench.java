package monosearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchService;

/**
 * Search latency inside the JVM, through {@link SearchService#search} exactly as the API calls it: ranking,
 * snippets, the section facet and spelling suggestions. Threads cycle through the query set, each from its own
 * starting point, until the time is up.
 */
public final class InProcessBench {
    /**
     * @param threads          concurrent searching threads
     * @param latency          over all searches
     * @param queriesPerSecond completed searches per second of wall time
     * @param perQuery         latency of each query of the set, in the set's order
     * @param byKind           latency per kind of query (words, phrase, ...), in order of first appearance
     * @param cpu              CPU time of the searching threads per search: unlike latency, barely moved by other
     *                         work on the machine, so it tells a slow search from a busy machine
     */
    public record Figures(int threads, LatencyStats latency, double queriesPerSecond, List<LatencyStats> perQuery,
                          Map<String, LatencyStats> byKind, LatencyStats cpu) {
    }

    private final SearchService service;
    private final List<BenchQuery> queries;

    public InProcessBench(SearchService service, List<BenchQuery> queries) {
        this.service = service;
        this.queries = List.copyOf(queries);
    }

    /** Runs the set on both threads until {@code seconds} pass, at least once, so the JIT has compiled the hot path. */
    public int warmUp(double seconds) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int passes = 0;
        do {
            Figures f = measure(2, Math.max(0.5, (end - System.nanoTime()) / 1e9));
            passes += Math.max(1, f.latency().count() / queries.size());
        } while (System.nanoTime() < end);
        return passes;
    }

    public Figures measure(int threads, double seconds) throws IOException {
        // Named, so a JFR recording of a whole run can be narrowed to the search threads.
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "bench-search-" + names.incrementAndGet()));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Samples[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * queries.size() / threads;
                futures.add(pool.submit(() -> loop(start, offset, seconds)));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Samples[]> all = new ArrayList<>();
            for (Future<Samples[]> f : futures) {
                all.add(f.get());
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            List<Samples> overall = new ArrayList<>();
            List<Samples> cpu = new ArrayList<>();
            List<LatencyStats> perQuery = new ArrayList<>();
            Map<String, List<Samples>> kinds = new LinkedHashMap<>();
            for (int q = 0; q < queries.size(); q++) {
                List<Samples> ofQuery = new ArrayList<>();
                for (Samples[] s : all) {
                    ofQuery.add(s[q]);
                    if (q == 0) {
                        cpu.add(s[queries.size()]);
                    }
                    overall.add(s[q]);
                    kinds.computeIfAbsent(queries.get(q).kind(), k -> new ArrayList<>()).add(s[q]);
                }
                perQuery.add(LatencyStats.ofNanos(Samples.merge(ofQuery)));
            }
            Map<String, LatencyStats> byKind = new LinkedHashMap<>();
            kinds.forEach((k, v) -> byKind.put(k, LatencyStats.ofNanos(Samples.merge(v))));
            LatencyStats latency = LatencyStats.ofNanos(Samples.merge(overall));
            return new Figures(threads, latency, latency.count() / elapsed, perQuery, byKind,
                    LatencyStats.ofNanos(Samples.merge(cpu)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("a search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Samples[] loop(CountDownLatch start, int offset, double seconds) throws Exception {
        // One Samples per query, and a last one for the CPU time of each search.
        Samples[] perQuery = new Samples[queries.size() + 1];
        for (int i = 0; i < perQuery.length; i++) {
            perQuery[i] = new Samples();
        }
        start.await();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int i = offset;
        long sink = 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        while (System.nanoTime() < end) {
            int q = i++ % queries.size();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchResult r = service.search(SearchRequest.of(queries.get(q).text(), 10));
            perQuery[q].add(System.nanoTime() - t0);
            perQuery[queries.size()].add(cpu.getCurrentThreadCpuTime() - c0);
            sink += r.total();
        }
        if (sink < 0) {
            throw new IllegalStateException("impossible total");
        }
        return perQuery;
    }

    /** One search, timed; for the comparison with FTS5, which interleaves the two engines. */
    long timeOne(BenchQuery query, long[] totalOut) throws IOException {
        long t0 = System.nanoTime();
        SearchResult r = service.search(SearchRequest.of(query.text(), 10));
        long took = System.nanoTime() - t0;
        totalOut[0] = r.total();
        return took;
    }
}
