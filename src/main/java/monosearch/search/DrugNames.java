package monosearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drug names in one index version: for the search box's suggestions, and for spotting a drug named in a
 * query. Lookups are in memory; a corpus of 10,000 names is about a megabyte.
 */
public final class DrugNames {
    /** A drug as the suggestions list it. */
    public record Drug(String drug, String slug) {
    }

    /** A drug named in a query: query words [start, end) name it; {@code exact} when spelled as indexed. */
    record Mention(Drug drug, int start, int end, boolean exact) {
    }

    private record Name(Drug drug, List<String> words, String folded) {
    }

    private final List<Name> names = new ArrayList<>();
    /** Every name word, and every form of it with one letter deleted, to its names. */
    private final Map<String, List<Name>> byWordVariant = new HashMap<>();
    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    public DrugNames(List<Drug> drugs) {
        for (Drug d : drugs) {
            List<String> words = Words.split(d.drug());
            if (words.isEmpty()) {
                continue;
            }
            Name name = new Name(d, words, String.join(" ", words));
            names.add(name);
            byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(name);
            Set<String> keys = new HashSet<>();
            for (String w : words) {
                keys.add(w);
                if (w.length() >= 5) {
                    keys.addAll(deletions(w));
                }
            }
            for (String k : keys) {
                byWordVariant.computeIfAbsent(k, x -> new ArrayList<>()).add(name);
            }
        }
    }

    public int size() {
        return names.size();
    }

    /**
     * Names for a search box: the whole name starting with the text first, then a word of the name starting
     * with it, then (from 5 letters) names with a word one typo away; shorter names first within a rank.
     */
    public List<Drug> suggest(String text, int limit) {
        List<String> typed = Words.split(text);
        if (typed.isEmpty()) {
            return List.of();
        }
        String whole = String.join(" ", typed);
        String last = typed.get(typed.size() - 1);
        Map<Name, Integer> rank = new HashMap<>();
        for (Name n : names) {
            int r = rankOf(n, typed, whole, last);
            if (r > 0) {
                rank.put(n, r);
            }
        }
        return rank.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Name, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparingInt(e -> e.getKey().folded().length())
                        .thenComparing(e -> e.getKey().folded()))
                .limit(limit)
                .map(e -> e.getKey().drug())
                .toList();
    }

    private static int rankOf(Name n, List<String> typed, String whole, String last) {
        if (n.folded().equals(whole)) {
            return 5;
        }
        if (n.folded().startsWith(whole)) {
            return 4;
        }
        // Earlier typed words must each be a word of the name; the last may be a prefix.
        for (int i = 0; i < typed.size() - 1; i++) {
            if (!n.words().contains(typed.get(i))) {
                return 0;
            }
        }
        for (String w : n.words()) {
            if (w.startsWith(last)) {
                return 3;
            }
        }
        if (last.length() >= 5) {
            for (String w : n.words()) {
                String head = w.length() > last.length() ? w.substring(0, last.length()) : w;
                if (Words.distance(head, last, 1) <= 1 || Words.distance(w, last, 1) <= 1) {
                    return 1;
                }
            }
        }
        return 0;
    }

    /** Drugs whose whole name appears in the words, allowing one typo per word of 5 letters or more. */
    List<Mention> mentionsIn(List<String> words) {
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Mention best = null;
            for (Name n : candidates(words.get(i))) {
                Mention m = matchAt(n, words, i);
                if (m != null && (best == null || m.end() > best.end() || (m.end() == best.end() && m.exact() && !best.exact()))) {
                    best = m;
                }
            }
            if (best != null) {
                found.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return found;
    }

    private List<Name> candidates(String word) {
        Set<Name> out = new HashSet<>(byFirstWord.getOrDefault(word, List.of()));
        if (word.length() >= 5) {
            for (String key : withDeletions(word)) {
                for (Name n : byWordVariant.getOrDefault(key, List.of())) {
                    if (Words.distance(n.words().get(0), word, 1) <= 1) {
                        out.add(n);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Mention matchAt(Name n, List<String> words, int start) {
        if (start + n.words().size() > words.size()) {
            return null;
        }
        boolean exact = true;
        for (int k = 0; k < n.words().size(); k++) {
            String want = n.words().get(k);
            String got = words.get(start + k);
            if (want.equals(got)) {
                continue;
            }
            if (got.length() >= 5 && Words.distance(want, got, 1) <= 1) {
                exact = false;
                continue;
            }
            return null;
        }
        return new Mention(n.drug(), start, start + n.words().size(), exact);
    }

    private static Set<String> withDeletions(String w) {
        Set<String> out = deletions(w);
        out.add(w);
        return out;
    }

    private static Set<String> deletions(String w) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < w.length(); i++) {
            out.add(w.substring(0, i) + w.substring(i + 1));
        }
        return out;
    }
}
