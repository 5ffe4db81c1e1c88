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
    /** Every first word of a name, and every form of it with one letter deleted, to those first words. */
    private final Map<String, Set<String>> firstWordsByVariant = new HashMap<>();
    private final Map<String, List<Name>> byFirstWord = new HashMap<>();
    /** Sorted "word of a name" entries and sorted whole names, for prefix look-ups by binary search. */
    private final Entry[] wordIndex;
    private final Entry[] nameIndex;

    private record Entry(String key, Name name) {
    }

    public DrugNames(List<Drug> drugs) {
        List<Entry> words = new ArrayList<>();
        List<Entry> wholeNames = new ArrayList<>();
        for (Drug d : drugs) {
            List<String> split = Words.split(d.drug());
            if (split.isEmpty()) {
                continue;
            }
            Name name = new Name(d, split, String.join(" ", split));
            names.add(name);
            wholeNames.add(new Entry(name.folded(), name));
            String first = split.get(0);
            boolean newFirstWord = !byFirstWord.containsKey(first);
            byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(name);
            if (newFirstWord && first.length() >= 5) {
                for (String variant : withDeletions(first)) {
                    firstWordsByVariant.computeIfAbsent(variant, x -> new HashSet<>()).add(first);
                }
            }
            for (String w : split) {
                words.add(new Entry(w, name));
            }
        }
        Comparator<Entry> byKey = Comparator.comparing(Entry::key);
        wordIndex = words.stream().sorted(byKey).toArray(Entry[]::new);
        nameIndex = wholeNames.stream().sorted(byKey).toArray(Entry[]::new);
    }

    public int size() {
        return names.size();
    }

    /** Whether a word of some drug name starts with {@code prefix} (folded). */
    boolean anyWordStartsWith(String prefix) {
        int i = firstAtOrAfter(wordIndex, prefix);
        return i < wordIndex.length && wordIndex[i].key().startsWith(prefix);
    }

    /**
     * Names for a search box: the whole name starting with the text first, then a word of the name starting
     * with it, then (from 5 letters) names with a word one typo away; shorter names first within a rank.
     * Prefix matches come from binary searches over sorted words, so a keystroke costs little at any size.
     */
    public List<Drug> suggest(String text, int limit) {
        List<String> typed = Words.split(text);
        if (typed.isEmpty()) {
            return List.of();
        }
        String whole = String.join(" ", typed);
        String last = typed.get(typed.size() - 1);
        List<String> earlier = typed.subList(0, typed.size() - 1);
        Map<Name, Integer> rank = new HashMap<>();
        for (int i = firstAtOrAfter(nameIndex, whole); i < nameIndex.length && nameIndex[i].key().startsWith(whole); i++) {
            rank.put(nameIndex[i].name(), nameIndex[i].key().equals(whole) ? 5 : 4);
        }
        for (int i = firstAtOrAfter(wordIndex, last); i < wordIndex.length && wordIndex[i].key().startsWith(last); i++) {
            Name n = wordIndex[i].name();
            if (n.words().containsAll(earlier)) {
                rank.merge(n, 3, Math::max);
            }
        }
        if (rank.size() < limit && last.length() >= 5) {
            // A typo, but rarely in the first letter: only words with the same first letter are compared.
            String first = last.substring(0, 1);
            for (int i = firstAtOrAfter(wordIndex, first); i < wordIndex.length && wordIndex[i].key().startsWith(first); i++) {
                String w = wordIndex[i].key();
                String head = w.length() > last.length() ? w.substring(0, last.length()) : w;
                Name n = wordIndex[i].name();
                if (!rank.containsKey(n) && n.words().containsAll(earlier)
                        && (Words.distance(head, last, 1) <= 1 || Words.distance(w, last, 1) <= 1)) {
                    rank.put(n, 1);
                }
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

    private static int firstAtOrAfter(Entry[] sorted, String key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].key().compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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

    /** Names whose first word is the word, or one edit from it for words of 5 letters or more. */
    private List<Name> candidates(String word) {
        List<Name> out = new ArrayList<>(byFirstWord.getOrDefault(word, List.of()));
        if (word.length() >= 5) {
            Set<String> firstWords = new HashSet<>();
            for (String key : withDeletions(word)) {
                firstWords.addAll(firstWordsByVariant.getOrDefault(key, Set.of()));
            }
            firstWords.remove(word);
            for (String first : firstWords) {
                if (Words.distance(first, word, 1) <= 1) {
                    out.addAll(byFirstWord.get(first));
                }
            }
        }
        return out;
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
