package monosearch.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs a judged query set through monosearch and through the baseline, where there is one. */
public final class Evaluation {
    /** Judged answers shown next to a miss: enough to see what was wanted, not a whole symptom's list. */
    private static final int WANTED_SHOWN = 5;

    private final Ranker monosearch;
    private final Ranker baseline;

    /** {@code baseline} may be null: the report then holds monosearch's figures only. */
    public Evaluation(Ranker monosearch, Ranker baseline) {
        this.monosearch = monosearch;
        this.baseline = baseline;
    }

    public EvalReport run(List<JudgedQuery> judged) throws IOException {
        Map<String, List<Metrics>> ours = new LinkedHashMap<>();
        Map<String, List<Metrics>> theirs = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (JudgedQuery q : judged) {
            List<String> ranked = monosearch.rank(q.query());
            Metrics m = Metrics.of(ranked, q.grades());
            ours.computeIfAbsent(q.queryClass(), k -> new ArrayList<>()).add(m);
            if (baseline != null) {
                theirs.computeIfAbsent(q.queryClass(), k -> new ArrayList<>()).add(Metrics.of(baseline.rank(q.query()), q.grades()));
            }
            if (m.precisionAt1() == 0) {
                failures.add(q.queryClass() + " \"" + q.query() + "\": first " + (ranked.isEmpty() ? "nothing" : ranked.get(0))
                        + ", wanted " + wanted(q));
            }
        }
        Map<String, Metrics[]> classes = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Metrics> allOurs = new ArrayList<>();
        List<Metrics> allTheirs = new ArrayList<>();
        for (String c : ours.keySet()) {
            classes.put(c, figures(ours.get(c), theirs.get(c)));
            counts.put(c, ours.get(c).size());
            allOurs.addAll(ours.get(c));
            allTheirs.addAll(theirs.getOrDefault(c, List.of()));
        }
        return new EvalReport(classes, figures(allOurs, allTheirs), counts, failures);
    }

    private Metrics[] figures(List<Metrics> ours, List<Metrics> theirs) {
        return baseline == null ? new Metrics[] {Metrics.mean(ours)} : new Metrics[] {Metrics.mean(ours), Metrics.mean(theirs)};
    }

    private static String wanted(JudgedQuery q) {
        if (q.expectsNothing()) {
            return "no hits";
        }
        List<Map.Entry<String, Integer>> best = q.grades().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String shown = best.stream().limit(WANTED_SHOWN).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", best.size() > WANTED_SHOWN ? ", ...}" : "}"));
        return best.size() > WANTED_SHOWN ? shown + " (" + best.size() + " judged)" : shown;
    }
}
