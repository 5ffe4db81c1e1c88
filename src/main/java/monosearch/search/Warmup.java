package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import monosearch.monograph.TableText;

/**
 * Runs representative searches before the server takes traffic: on two cores the JIT compiler otherwise
 * competes with the first requests, which then run several times slower for tens of seconds. What it runs is
 * data: the queries people searched most (from analytics, when on), then the bundled mix of the kinds of query
 * people type ({@code warmup.txt}), each also as it is typed.
 */
public final class Warmup {
    /** Drug names the mix's {@code {drug}} lines take turns with: a few starting with each of these letters. */
    private static final String INITIALS = "abcdfghlmnoprstv";
    private static final int DRUGS_PER_INITIAL = 3;
    /** The lengths of a query's start sent while it is typed, as the search page sends them. */
    private static final int[] TYPED = {3, 5, 8};

    private final SearchBackend search;
    private final List<String> queries;

    private Warmup(SearchBackend search, List<String> queries) {
        this.search = search;
        this.queries = queries;
    }

    /**
     * The searches to run: {@code popular} first (most searched first, may be empty), then the bundled mix with
     * the drug names of the index served.
     */
    public static Warmup of(SearchBackend search, List<String> popular) throws IOException {
        List<String> mix = TableText.parseBundled("/monosearch/warmup.txt", (text, source) -> text.lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        List<String> drugs = new ArrayList<>();
        for (char initial : INITIALS.toCharArray()) {
            search.suggest(String.valueOf(initial), DRUGS_PER_INITIAL).forEach(d -> drugs.add(d.drug()));
        }
        return new Warmup(search, queries(popular, mix, drugs));
    }

    /** The searches, each query followed by its typed starts; {@code {drug}} filled in turn, names also misspelled. */
    static List<String> queries(List<String> popular, List<String> mix, List<String> drugs) {
        Set<String> out = new LinkedHashSet<>();
        popular.forEach(q -> typed(q, out));
        int next = 0;
        for (int round = 0; round < Math.max(1, drugs.size() / 4); round++) {
            for (String line : mix) {
                if (!line.contains("{drug}")) {
                    if (round == 0) {
                        typed(line, out);
                    }
                    continue;
                }
                if (drugs.isEmpty()) {
                    continue;
                }
                String q = line;
                while (q.contains("{drug}")) {
                    String name = drugs.get(next++ % drugs.size());
                    int at = q.indexOf("{drug}");
                    q = q.substring(0, at) + name.toLowerCase(Locale.ROOT) + q.substring(at + "{drug}".length());
                }
                typed(q, out);
            }
        }
        for (String name : drugs) {
            if (name.length() >= 6) {
                String lower = name.toLowerCase(Locale.ROOT);
                out.add(lower.substring(0, 2) + lower.substring(3));
            }
        }
        return List.copyOf(out);
    }

    private static void typed(String query, Set<String> out) {
        for (int n : TYPED) {
            if (n < query.length()) {
                out.add(query.substring(0, n));
            }
        }
        out.add(query);
    }

    /**
     * Searches on {@code threads} threads until {@code rounds} queries ran or {@code maxMillis} passed;
     * returns the number run. Every core busy compiles the hot code soonest.
     */
    public int run(int rounds, long maxMillis, int threads) throws IOException {
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

    /** The searches this warm-up runs, in order. */
    List<String> queries() {
        return queries;
    }
}
