package monosearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import monosearch.index.Schema;

/**
 * Queries of the kinds people type, generated at run time from a corpus (its drug names, section names and the
 * words of its sections), each one different from every other once normalised (case, spacing, punctuation), so
 * that a load of them never asks the same thing twice. Deterministic for a corpus and a seed. The corpus's terms
 * forbid reproducing it, so these lists are never written to a file or a report: only their kinds and counts are.
 */
public final class CorpusQueries {
    static final List<String> KINDS = List.of("drug", "drug+section", "question", "words", "section+words",
            "misspelling", "prefix");
    /** Share of each kind, in the order of {@link #KINDS}. */
    private static final double[] SHARES = {0.14, 0.20, 0.10, 0.20, 0.10, 0.12, 0.14};
    /** What people add to a drug name to ask for a part of its page, beside the corpus's own section names. */
    private static final List<String> TYPED_SECTIONS = List.of("dose", "dosage", "side effects", "pregnancy",
            "interactions", "overdose", "storage", "uses", "warnings", "breastfeeding", "alcohol", "children",
            "missed dose", "how it works", "contraindications", "elderly", "kidney", "liver");
    private static final List<String> QUESTIONS = List.of("how does %s work", "what is %s used for",
            "can i take %s while pregnant", "%s and alcohol", "is %s safe for children", "how much %s can i take",
            "what are the side effects of %s", "can %s cause %t", "%s missed dose what to do", "when to take %s",
            "%s with %t", "does %s help %t");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "your", "are",
            "was", "were", "have", "has", "had", "not", "but", "can", "may", "will", "should", "would", "could", "been",
            "being", "into", "than", "then", "them", "they", "their", "there", "these", "those", "which", "while",
            "what", "when", "where", "who", "whom", "how", "why", "also", "such", "any", "all", "each", "other", "some",
            "more", "most", "much", "many", "very", "only", "about", "over", "under", "after", "before", "during",
            "between", "without", "within", "because", "does", "did", "doing", "you", "its", "our", "out", "use",
            "used", "using", "take", "taking", "taken", "if", "or", "of", "to", "in", "on", "is", "it", "be", "as",
            "an", "at", "by", "a");

    /** One section of the corpus as the generator reads it. */
    public record Part(String section, String text) {
    }

    /** One monograph: its drug name and sections. */
    public record Source(String drug, List<Part> parts) {
        public Source {
            parts = List.copyOf(parts);
        }
    }

    /** The queries a run loads the server with, and a disjoint set to warm it up with. */
    public record Generated(List<BenchQuery> measured, List<BenchQuery> warmup) {
        public Generated {
            measured = List.copyOf(measured);
            warmup = List.copyOf(warmup);
        }
    }

    private CorpusQueries() {
    }

    /** What counts as the same query: lower case, words only, single spaces. */
    static String key(String query) {
        StringBuilder out = new StringBuilder();
        for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(w);
            }
        }
        return out.toString();
    }

    /** Every live section of an index, grouped by monograph and sorted, so the same corpus gives the same queries. */
    public static List<Source> readIndex(Path index) throws IOException {
        Map<String, String> drugs = new HashMap<>();
        Map<String, List<Part>> parts = new HashMap<>();
        Set<String> fields = Set.of(Schema.DRUG, Schema.SECTION, Schema.SLUG, Schema.BODY);
        IndexSections.forEach(index, fields, d -> {
            String slug = d.get(Schema.SLUG);
            if (slug == null) {
                return;
            }
            drugs.putIfAbsent(slug, d.get(Schema.DRUG) == null ? "" : d.get(Schema.DRUG));
            parts.computeIfAbsent(slug, k -> new ArrayList<>()).add(new Part(
                    d.get(Schema.SECTION) == null ? "" : d.get(Schema.SECTION),
                    d.get(Schema.BODY) == null ? "" : d.get(Schema.BODY)));
        });
        List<Source> out = new ArrayList<>();
        for (String slug : new TreeSet<>(drugs.keySet())) {
            List<Part> p = parts.get(slug);
            p.sort(Comparator.comparing(Part::section).thenComparing(Part::text));
            out.add(new Source(drugs.get(slug), p));
        }
        return out;
    }

    /**
     * {@code measured} queries and {@code warmup} more, no two alike once normalised, the kinds mixed in their
     * shares throughout both lists. Fewer come back only when the corpus is too small to vary that much.
     */
    public static Generated generate(List<Source> corpus, long seed, int measured, int warmup) {
        Random r = new Random(seed * 31 + 15);
        List<String> drugs = drugNames(corpus);
        List<String> sections = sectionWords(corpus);
        List<String> terms = frequentTerms(corpus, 1, 6000);
        List<String> pairs = frequentTerms(corpus, 2, 6000);
        List<String> longTerms = terms.stream().filter(t -> t.length() >= 6).toList();
        if (drugs.isEmpty() || terms.isEmpty()) {
            return new Generated(List.of(), List.of());
        }
        Zipf<String> term = new Zipf<>(terms, 0.9);
        Zipf<String> pair = pairs.isEmpty() ? term : new Zipf<>(pairs, 0.9);
        Zipf<String> longTerm = longTerms.isEmpty() ? term : new Zipf<>(longTerms, 0.9);
        Zipf<String> section = new Zipf<>(sections, 0.5);
        int total = measured + warmup;
        Set<String> seen = new LinkedHashSet<>();
        List<List<BenchQuery>> byKind = new ArrayList<>();
        boolean[] exhausted = new boolean[KINDS.size()];
        for (int k = 0; k < KINDS.size(); k++) {
            byKind.add(new ArrayList<>());
        }
        // Each kind its share; a kind the corpus cannot vary enough leaves its place to the others.
        for (int round = 0; seen.size() < total && round < 2; round++) {
            for (int k = 0; k < KINDS.size() && seen.size() < total; k++) {
                int want = round == 0 ? (int) Math.ceil(total * SHARES[k]) : total - seen.size();
                int before = byKind.get(k).size();
                for (int tries = 0; byKind.get(k).size() - before < want && tries < want * 20 && !exhausted[k]; tries++) {
                    String q = draw(KINDS.get(k), corpus, drugs, term, pair, longTerm, section, r);
                    if (q != null && !q.isBlank() && seen.add(key(q))) {
                        byKind.get(k).add(new BenchQuery(q, KINDS.get(k)));
                    }
                }
                exhausted[k] = byKind.get(k).size() - before < want;
            }
        }
        // Deal each kind out to the two lists in proportion, then interleave the kinds by their shares, so both
        // lists, and any stretch of them, are the same mix.
        List<List<BenchQuery>> m = new ArrayList<>();
        List<List<BenchQuery>> w = new ArrayList<>();
        for (List<BenchQuery> list : byKind) {
            List<BenchQuery> mk = new ArrayList<>();
            List<BenchQuery> wk = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ((long) mk.size() * total < (long) measured * (i + 1) ? mk : wk).add(list.get(i));
            }
            m.add(mk);
            w.add(wk);
        }
        // Rounding each kind's split can leave the warm-up a query or two short while the measured list has them spare.
        while (sum(m) > measured && sum(w) < warmup) {
            int k = 0;
            for (int j = 1; j < m.size(); j++) {
                k = m.get(j).size() > m.get(k).size() ? j : k;
            }
            w.get(k).add(m.get(k).remove(m.get(k).size() - 1));
        }
        return new Generated(interleave(m, measured), interleave(w, warmup));
    }

    private static int sum(List<List<BenchQuery>> lists) {
        return lists.stream().mapToInt(List::size).sum();
    }

    private static String draw(String kind, List<Source> corpus, List<String> drugs, Zipf<String> term, Zipf<String> pair,
                               Zipf<String> longTerm, Zipf<String> section, Random r) {
        String drug = drugs.get(r.nextInt(drugs.size()));
        return switch (kind) {
            case "drug" -> r.nextInt(3) == 0 ? drug.split(" ")[0] : drug;
            case "drug+section" -> drug + " " + section.next(r);
            case "question" -> QUESTIONS.get(r.nextInt(QUESTIONS.size())).replace("%s", drug).replace("%t", term.next(r));
            case "words" -> r.nextBoolean() ? term.next(r) : pair.next(r);
            case "section+words" -> sectionAndWord(corpus, r);
            case "misspelling" -> QuerySet.misspell(r.nextBoolean() ? drug.split(" ")[0] : longTerm.next(r), r);
            default -> prefix(r.nextInt(10) < 3 ? drug + " " + section.next(r) : r.nextBoolean() ? drug : longTerm.next(r), r);
        };
    }

    /** Up to {@code limit} queries, each kind in turn as often as its list is long relative to the others. */
    private static List<BenchQuery> interleave(List<List<BenchQuery>> byKind, int limit) {
        int total = byKind.stream().mapToInt(List::size).sum();
        List<BenchQuery> out = new ArrayList<>();
        int[] next = new int[byKind.size()];
        while (out.size() < Math.min(limit, total)) {
            // The kind furthest behind its share of what has been taken so far goes next.
            int best = -1;
            double lag = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < byKind.size(); k++) {
                if (next[k] < byKind.get(k).size()) {
                    double behind = (double) byKind.get(k).size() / total * (out.size() + 1) - next[k];
                    if (behind > lag) {
                        lag = behind;
                        best = k;
                    }
                }
            }
            out.add(byKind.get(best).get(next[best]++));
        }
        return out;
    }

    /** A section's name with one of the words it contains: "side effects dizziness". */
    private static String sectionAndWord(List<Source> corpus, Random r) {
        Source s = corpus.get(r.nextInt(corpus.size()));
        if (s.parts().isEmpty()) {
            return null;
        }
        Part p = s.parts().get(r.nextInt(s.parts().size()));
        List<String> words = contentWords(p.text(), 5);
        if (words.isEmpty() || p.section().isBlank()) {
            return null;
        }
        return p.section().toLowerCase(Locale.ROOT) + " " + words.get(r.nextInt(words.size()));
    }

    /** The first letters of what someone is typing: at least three, never the whole text. */
    static String prefix(String text, Random r) {
        String t = text.strip();
        if (t.length() < 4) {
            return null;
        }
        int keep = 3 + r.nextInt(t.length() - 3);
        String p = t.substring(0, keep).strip();
        return p.length() < 3 ? null : p;
    }

    private static List<String> drugNames(List<Source> corpus) {
        Set<String> names = new TreeSet<>();
        for (Source s : corpus) {
            String name = key(s.drug());
            if (name.length() >= 3) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> sectionWords(List<Source> corpus) {
        Set<String> names = new LinkedHashSet<>(TYPED_SECTIONS);
        Set<String> fromCorpus = new TreeSet<>();
        for (Source s : corpus) {
            for (Part p : s.parts()) {
                String k = key(p.section());
                if (!k.isEmpty() && k.length() <= 30) {
                    fromCorpus.add(k);
                }
            }
        }
        names.addAll(fromCorpus);
        return List.copyOf(names);
    }

    /** The {@code limit} most frequent runs of {@code n} content words of the sections' text, most frequent first. */
    static List<String> frequentTerms(List<Source> corpus, int n, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (Source s : corpus) {
            for (Part p : s.parts()) {
                List<String> words = words(p.text());
                for (int i = 0; i + n <= words.size(); i++) {
                    List<String> run = words.subList(i, i + n);
                    if (run.stream().allMatch(w -> w.length() >= 4 && !STOP.contains(w) && w.chars().allMatch(Character::isLetter))) {
                        counts.merge(String.join(" ", run), 1, Integer::sum);
                    }
                }
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue() < 2);
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            out.add(e.getKey());
        }
        return out;
    }

    private static List<String> contentWords(String text, int minLength) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (w.length() >= minLength && !STOP.contains(w) && w.chars().allMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** How many queries of each kind, in the order of {@link #KINDS}: what a report may say about a generated list. */
    static Map<String, Integer> countByKind(List<BenchQuery> queries) {
        Map<String, Integer> out = new LinkedHashMap<>();
        KINDS.forEach(k -> out.put(k, 0));
        queries.forEach(q -> out.merge(q.kind(), 1, Integer::sum));
        out.values().removeIf(v -> v == 0);
        return Collections.unmodifiableMap(out);
    }
}
