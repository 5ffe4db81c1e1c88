package monosearch.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metrics per query class and overall, for monosearch and for the plain baseline.
 *
 * @param classes    class → [monosearch, baseline], in first-seen order; [monosearch] alone when run without a baseline
 * @param overall    [monosearch, baseline] over every query, or [monosearch]
 * @param queries    how many queries per class
 * @param failures   queries whose first answer was not relevant, with what came first
 */
public record EvalReport(Map<String, Metrics[]> classes, Metrics[] overall, Map<String, Integer> queries,
                         List<String> failures) {

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| class | queries | P@1 | Drug@1 | MRR@10 | nDCG@10 | Recall@10 | baseline P@1 | baseline Drug@1"
                + " | baseline MRR@10 | baseline nDCG@10 | baseline Recall@10 |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        classes.forEach((name, m) -> row(out, name, queries.get(name), m));
        row(out, "**overall**", queries.values().stream().mapToInt(Integer::intValue).sum(), overall);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int n, Metrics[] m) {
        out.append(String.format(Locale.ROOT, "| %s | %d |", name, n));
        for (Metrics x : m) {
            out.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f | %.3f | %.3f |",
                    x.precisionAt1(), x.drugAt1(), x.mrrAt10(), x.ndcgAt10(), x.recallAt10()));
        }
        if (m.length == 1) {
            out.append(" – | – | – | – | – |");
        }
        out.append('\n');
    }
}
