package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    /** Searches until {@code rounds} queries ran or {@code maxMillis} passed; returns the number run. */
    public int run(int rounds, long maxMillis) throws IOException {
        List<String> queries = queries();
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        int run = 0;
        while (run < rounds && System.nanoTime() < deadline && !queries.isEmpty()) {
            String q = queries.get(run % queries.size());
            search.search(SearchRequest.of(q, 10));
            if (run % 10 == 0) {
                search.suggest(q.substring(0, Math.min(3, q.length())), 8);
            }
            run++;
        }
        return run;
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
