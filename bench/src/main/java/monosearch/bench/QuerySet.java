package monosearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The fixed mixed query set every measurement runs: plain words, quoted phrases, prefixes, misspellings and
 * drug+section questions, in equal numbers, drawn from the corpus vocabulary with the same Zipf-like skew (so
 * common terms are asked for more often, as in a real search log). Deterministic for a seed.
 */
public final class QuerySet {
    static final List<String> KINDS = List.of("words", "phrase", "prefix", "misspelling", "drug+section");
    private static final String[] SECTION_QUESTIONS = {"%s dosage", "%s side effects", "%s pregnancy", "%s interactions",
            "how does %s work", "%s storage", "%s overdose", "what is %s used for", "%s missed dose", "%s dose for children"};

    private QuerySet() {
    }

    /** One query per non-blank line of a UTF-8 file; {@code #} starts a comment line. */
    public static List<BenchQuery> load(Path file) throws IOException {
        List<BenchQuery> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String q = line.strip();
            if (!q.isEmpty() && !q.startsWith("#")) {
                out.add(new BenchQuery(q, "file"));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no queries in " + file);
        }
        return List.copyOf(out);
    }

    /** {@code perKind} queries of each kind, interleaved so any prefix of the list is a mix. */
    public static List<BenchQuery> generate(Vocabulary vocabulary, long seed, int perKind) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        Zipf<String> effects = new Zipf<>(vocabulary.sideEffects(), 0.8);
        Zipf<String> conditions = new Zipf<>(vocabulary.conditions(), 0.8);
        Zipf<String> drugs = new Zipf<>(vocabulary.drugs(), 0.8);
        List<String> multiWord = new ArrayList<>();
        List<String> longWords = new ArrayList<>();
        for (String term : concat(vocabulary.sideEffects(), vocabulary.conditions())) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.contains(" ")) {
                multiWord.add(t);
            }
            for (String w : t.split("[^a-z]+")) {
                if (w.length() >= 7) {
                    longWords.add(w);
                }
            }
        }
        Zipf<String> phrases = new Zipf<>(multiWord, 0.7);
        Zipf<String> words = new Zipf<>(List.copyOf(new LinkedHashSet<>(longWords)), 0.7);

        List<List<BenchQuery>> byKind = new ArrayList<>();
        for (String kind : KINDS) {
            Set<String> seen = new LinkedHashSet<>();
            for (int tries = 0; seen.size() < perKind && tries < perKind * 50; tries++) {
                String q = switch (kind) {
                    case "words" -> r.nextInt(3) == 0
                            ? lower(effects.next(r)) + " " + lower(conditions.next(r)).split(" ")[0]
                            : lower(r.nextBoolean() ? effects.next(r) : conditions.next(r));
                    case "phrase" -> "\"" + phrases.next(r) + "\"";
                    case "prefix" -> prefix(words.next(r), r);
                    case "misspelling" -> misspell(r.nextInt(3) == 0 ? lower(drugs.next(r)) : words.next(r), r);
                    default -> String.format(Locale.ROOT, SECTION_QUESTIONS[r.nextInt(SECTION_QUESTIONS.length)],
                            lower(drugs.next(r)));
                };
                if (q != null) {
                    seen.add(q);
                }
            }
            List<BenchQuery> list = new ArrayList<>();
            seen.forEach(q -> list.add(new BenchQuery(q, kind)));
            byKind.add(list);
        }
        List<BenchQuery> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            for (List<BenchQuery> list : byKind) {
                if (i < list.size()) {
                    out.add(list.get(i));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String prefix(String word, Random r) {
        int keep = 4 + r.nextInt(Math.max(1, word.length() - 5));
        return word.substring(0, Math.min(keep, word.length() - 1)) + "*";
    }

    /** One typo: a letter dropped, two swapped, one replaced or one doubled, as people type them. */
    static String misspell(String word, Random r) {
        String w = word.replace(' ', '-').split("-")[0];
        if (w.length() < 6) {
            return null;
        }
        int i = 1 + r.nextInt(w.length() - 2);
        String typo = switch (r.nextInt(4)) {
            case 0 -> w.substring(0, i) + w.substring(i + 1);
            case 1 -> w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
            case 2 -> w.substring(0, i) + "aeiou".charAt(r.nextInt(5)) + w.substring(i + 1);
            default -> w.substring(0, i) + w.charAt(i) + w.substring(i);
        };
        return typo.equals(w) ? null : typo;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
