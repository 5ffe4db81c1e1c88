package monosearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drug names in one index version: for the search box's suggestions, and for spotting a drug named in a
 * query. Lookups are in memory; a corpus of 10,000 names is about a megabyte.
 */
public final class DrugNames {
    private static final Pattern PLUS = Pattern.compile("\\s\\+\\s|\\s*\\+\\s*(?=\\p{L})");
    private static final Pattern QUALIFIERS = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*\\]");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\]");

    /** A drug as the suggestions list it. */
    public record Drug(String drug, String slug) {
    }

    /**
     * A drug named in a query: query words [start, end) name it; {@code exact} when spelled as indexed.
     *
     * @param own   the monographs of that drug alone (none when it is only an ingredient of combinations)
     * @param words the name as indexed, folded: combinations containing it carry these words in their names
     */
    record Mention(List<Drug> own, List<String> words, int start, int end, boolean exact) {
        String name() {
            return String.join(" ", words);
        }
    }

    /** A name a query may call a drug by, with the monographs of that drug alone. */
    private record Alias(List<String> words, List<Drug> own) {
    }

    private record Name(Drug drug, List<String> words, String folded) {
    }

    private final List<Name> names = new ArrayList<>();
    /** Every first word of an alias, and every form of it with one letter deleted, to those first words. */
    private final Map<String, Set<String>> firstWordsByVariant = new HashMap<>();
    private final Map<String, Alias> aliases = new HashMap<>();
    private final Map<String, List<Alias>> aliasesByFirstWord = new HashMap<>();
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
            addAlias(split, d);
            for (String other : otherNames(d.drug())) {
                addAlias(Words.split(other), d);
            }
            List<String> ingredients = ingredients(d.drug());
            if (ingredients.size() > 1) {
                for (String ingredient : ingredients) {
                    addAlias(Words.split(withoutQualifiers(ingredient)), null);
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

    private void addAlias(List<String> words, Drug own) {
        if (words.isEmpty()) {
            return;
        }
        String key = String.join(" ", words);
        Alias alias = aliases.get(key);
        if (alias == null) {
            alias = new Alias(List.copyOf(words), new ArrayList<>());
            aliases.put(key, alias);
            String first = words.get(0);
            boolean newFirstWord = !aliasesByFirstWord.containsKey(first);
            aliasesByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(alias);
            if (newFirstWord && first.length() >= 5) {
                for (String variant : Words.withDeletions(first)) {
                    firstWordsByVariant.computeIfAbsent(variant, x -> new HashSet<>()).add(first);
                }
            }
        }
        if (own != null && !alias.own().contains(own)) {
            alias.own().add(own);
        }
    }

    /** The ingredients of a combination's name ("A + B + C"); a single drug's name is its only ingredient. */
    static List<String> ingredients(String name) {
        List<String> out = new ArrayList<>();
        for (String part : PLUS.split(name)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /**
     * How many ingredients a name combines, as {@link #ingredients} splits it, counted without splitting: this
     * runs for every ranked hit.
     */
    static int ingredientCount(String name) {
        int count = 1;
        for (int i = name.indexOf('+'); i >= 0; i = name.indexOf('+', i + 1)) {
            boolean spaced = i > 0 && Character.isWhitespace(name.charAt(i - 1))
                    && i + 1 < name.length() && Character.isWhitespace(name.charAt(i + 1));
            int next = i + 1;
            while (next < name.length() && Character.isWhitespace(name.charAt(next))) {
                next++;
            }
            if (spaced || (next < name.length() && Character.isLetter(name.charAt(next)))) {
                count++;
            }
        }
        return count;
    }

    /** The names a monograph's title gives besides itself: without qualifiers, and what stands in brackets. */
    private static List<String> otherNames(String name) {
        List<String> out = new ArrayList<>();
        if (ingredients(name).size() == 1) {
            out.add(withoutQualifiers(name));
            if (name.contains("/")) {
                // "Levothyroxine/ T4": each side is a name of the drug.
                for (String side : name.split("/")) {
                    out.add(withoutQualifiers(side));
                }
            }
            Matcher bracketed = BRACKETED.matcher(name);
            while (bracketed.find()) {
                out.add(bracketed.group(1));
            }
        }
        return out;
    }

    /** A drug's name as a query would name it: folded words, without qualifiers ("ibuprofen" for "Ibuprofen (Systemic)"). */
    static String plainName(Drug drug) {
        return String.join(" ", Words.split(withoutQualifiers(drug.drug())));
    }

    private static String withoutQualifiers(String name) {
        return QUALIFIERS.matcher(name).replaceAll(" ").strip();
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

    /**
     * Drugs named in the words, allowing one typo per word of 5 letters or more: a monograph's name, its name
     * without qualifiers ("Ephedrine (Systemic)" as "ephedrine"), a bracketed other name, or an ingredient of a
     * combination. The longest name wins where names overlap.
     */
    List<Mention> mentionsIn(List<String> words) {
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Mention best = null;
            for (Alias a : aliasCandidates(words.get(i))) {
                Mention m = matchAt(a, words, i);
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

    /** The alias spelled exactly by these folded words, if some monograph is called so or contains it. */
    Mention named(List<String> words) {
        Alias a = aliases.get(String.join(" ", words));
        return a == null ? null : new Mention(a.own(), a.words(), 0, words.size(), true);
    }

    /** Aliases whose first word is the word, or one edit from it for words of 5 letters or more. */
    private List<Alias> aliasCandidates(String word) {
        List<Alias> out = new ArrayList<>(aliasesByFirstWord.getOrDefault(word, List.of()));
        if (word.length() >= 5) {
            Set<String> firstWords = new HashSet<>();
            for (String key : Words.withDeletions(word)) {
                firstWords.addAll(firstWordsByVariant.getOrDefault(key, Set.of()));
            }
            firstWords.remove(word);
            for (String first : firstWords) {
                if (Words.distance(first, word, 1) <= 1) {
                    out.addAll(aliasesByFirstWord.getOrDefault(first, List.of()));
                }
            }
        }
        return out;
    }

    private static Mention matchAt(Alias a, List<String> words, int start) {
        if (start + a.words().size() > words.size()) {
            return null;
        }
        boolean exact = true;
        for (int k = 0; k < a.words().size(); k++) {
            String want = a.words().get(k);
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
        return new Mention(a.own(), a.words(), start, start + a.words().size(), exact);
    }

}
