package monosearch.eval;

import java.util.List;
import java.util.Map;

/**
 * Ranking quality of one query: P@1, Drug@1, MRR@10, nDCG@10 and Recall@10 over "slug/Section" answers.
 * A grade of 2 or more counts as relevant for P@1, MRR and Recall; nDCG uses the grades themselves. Drug@1 asks
 * only whether the first answer is a right drug: a slug with any graded section.
 *
 * <p>A query judged with no answers at all expects nothing: every figure is 1 when nothing comes back and 0
 * otherwise, since anything found for it is a wrong answer.
 */
public record Metrics(double precisionAt1, double mrrAt10, double ndcgAt10, double recallAt10, double drugAt1) {
    static final int DEPTH = 10;
    static final int RELEVANT = 2;

    public static Metrics of(List<String> ranked, Map<String, Integer> grades) {
        if (grades.isEmpty()) {
            double nothing = ranked.isEmpty() ? 1 : 0;
            return new Metrics(nothing, nothing, nothing, nothing, nothing);
        }
        List<String> top = ranked.subList(0, Math.min(DEPTH, ranked.size()));
        double p1 = !top.isEmpty() && grades.getOrDefault(top.get(0), 0) >= RELEVANT ? 1 : 0;
        double drug1 = !top.isEmpty() && judgedSlug(grades, slug(top.get(0))) ? 1 : 0;
        double mrr = 0;
        for (int i = 0; i < top.size(); i++) {
            if (grades.getOrDefault(top.get(i), 0) >= RELEVANT) {
                mrr = 1.0 / (i + 1);
                break;
            }
        }
        double dcg = 0;
        for (int i = 0; i < top.size(); i++) {
            dcg += gain(grades.getOrDefault(top.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(DEPTH).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        long relevant = grades.values().stream().filter(g -> g >= RELEVANT).count();
        long found = top.stream().filter(k -> grades.getOrDefault(k, 0) >= RELEVANT).count();
        double recall = relevant == 0 ? 1 : (double) found / Math.min(relevant, DEPTH);
        return new Metrics(p1, mrr, idcg == 0 ? 0 : dcg / idcg, recall, drug1);
    }

    /** The mean of each figure. */
    public static Metrics mean(List<Metrics> all) {
        if (all.isEmpty()) {
            return new Metrics(0, 0, 0, 0, 0);
        }
        return new Metrics(all.stream().mapToDouble(Metrics::precisionAt1).average().orElse(0),
                all.stream().mapToDouble(Metrics::mrrAt10).average().orElse(0),
                all.stream().mapToDouble(Metrics::ndcgAt10).average().orElse(0),
                all.stream().mapToDouble(Metrics::recallAt10).average().orElse(0),
                all.stream().mapToDouble(Metrics::drugAt1).average().orElse(0));
    }

    private static boolean judgedSlug(Map<String, Integer> grades, String slug) {
        String prefix = slug + "/";
        for (String key : grades.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String slug(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
