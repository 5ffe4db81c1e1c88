package monosearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import monosearch.index.DrugTextAnalyzer;
import monosearch.monograph.BadTableException;
import monosearch.monograph.TableText;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Query-time synonyms from a file in the Solr synonyms format: lay and clinical terms, brand and generic names.
 * Besides the Lucene synonym map it keeps the multi-word entries, so a query can treat "low blood pressure"
 * as one unit that "hypotension" may stand for.
 */
public final class Synonyms {
    private static final Pattern LINE = Pattern.compile("at line (\\d+)");
    /** Entries of more than one word, e.g. "low blood pressure", longest first. */
    private final Map<String, List<List<String>>> phrasesByFirstWord = new HashMap<>();
    /** Each entry (folded words joined by spaces) to the entries it may stand for. */
    private final Map<String, List<List<String>>> alternatives;
    private final int longestEntry;
    private final SynonymMap map;
    /** Every one-word entry of {@link #MIN_NEAR_LENGTH} letters or more, and its forms with a letter deleted, to it. */
    private final Map<String, Set<String>> wordsByVariant = new HashMap<>();
    /** Shortest entry matched one edit away: shorter ones are too close to too many words. */
    static final int MIN_NEAR_LENGTH = 5;

    private Synonyms(SynonymMap map, List<List<String>> phrases, Map<String, List<List<String>>> alternatives) {
        this.map = map;
        for (List<String> phrase : phrases) {
            phrasesByFirstWord.computeIfAbsent(phrase.get(0), k -> new ArrayList<>()).add(phrase);
        }
        this.alternatives = alternatives;
        this.longestEntry = alternatives.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(0);
        for (String entry : alternatives.keySet()) {
            if (entry.length() >= MIN_NEAR_LENGTH && entry.indexOf(' ') < 0) {
                Words.withDeletions(entry).forEach(v -> wordsByVariant.computeIfAbsent(v, k -> new HashSet<>()).add(entry));
            }
        }
    }

    public static Synonyms none() {
        return new Synonyms(null, List.of(), Map.of());
    }

    public static Synonyms bundled() {
        return TableText.parseBundled("/monosearch/synonyms.txt", Synonyms::parse);
    }

    public static Synonyms load(Path file) throws BadTableException {
        return TableText.parseFile(file, Synonyms::parse);
    }

    static Synonyms parse(String text, String name) throws BadTableException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, DrugTextAnalyzer.forSynonymEntries());
        try {
            parser.parse(new StringReader(text));
        } catch (ParseException | IOException | RuntimeException e) {
            // Lucene says "Invalid synonym rule at line N" and keeps what is wrong with it in the cause.
            Matcher at = LINE.matcher(String.valueOf(e.getMessage()));
            int line = at.find() ? Integer.parseInt(at.group(1)) : 0;
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            throw new BadTableException(name, line, "not a valid synonym rule (" + why + ")");
        }
        Set<List<String>> multiWord = new HashSet<>();
        Map<String, List<List<String>>> alternatives = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("=>");
            List<List<String>> from = entries(arrow < 0 ? line : line.substring(0, arrow));
            List<List<String>> to = arrow < 0 ? from : entries(line.substring(arrow + 2));
            for (List<String> entry : from) {
                if (entry.size() > 1) {
                    multiWord.add(entry);
                }
                List<List<String>> others = alternatives.computeIfAbsent(String.join(" ", entry), k -> new ArrayList<>());
                to.stream().filter(t -> !t.equals(entry) && !others.contains(t)).forEach(others::add);
            }
            to.stream().filter(e -> e.size() > 1).forEach(multiWord::add);
        }
        List<List<String>> phrases = new ArrayList<>(multiWord);
        phrases.sort(Comparator.comparingInt((List<String> p) -> -p.size()));
        try {
            return new Synonyms(parser.build(), List.copyOf(phrases), alternatives);
        } catch (IOException e) {
            throw new BadTableException(name, 0, "cannot be built into a synonym map (" + e.getMessage() + ")");
        }
    }

    private static List<List<String>> entries(String list) {
        List<List<String>> out = new ArrayList<>();
        for (String entry : list.split(",")) {
            List<String> words = Words.split(entry);
            if (!words.isEmpty()) {
                out.add(words);
            }
        }
        return out;
    }

    /** What the entry spelled by these folded words may stand for; empty when it is no entry. */
    List<List<String>> alternativesOf(List<String> words) {
        return alternatives.getOrDefault(String.join(" ", words), List.of());
    }

    /** As {@link #alternativesOf}, or of the entry the words spell with a plural's "s" off the last ("allergy tablets"). */
    List<List<String>> alternativesOfPlural(List<String> words) {
        String last = words.isEmpty() || hasEntry(String.join(" ", words)) ? null
                : singular(words.get(words.size() - 1));
        if (last == null) {
            return alternativesOf(words);
        }
        List<String> one = new ArrayList<>(words);
        one.set(one.size() - 1, last);
        return alternativesOf(one);
    }

    /** A word without a plural's "s" ("tablets": "tablet"), as the synonym analysis stems it; null when it has none. */
    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : null;
    }

    /** One-word entries one edit from a folded word ("lipitor" for "lipitr"), in alphabetical order; none for an entry. */
    List<String> entriesNear(String word) {
        if (word.length() < MIN_NEAR_LENGTH || alternatives.containsKey(word)) {
            return List.of();
        }
        Set<String> candidates = new java.util.TreeSet<>();
        for (String v : Words.withDeletions(word)) {
            candidates.addAll(wordsByVariant.getOrDefault(v, Set.of()));
        }
        candidates.removeIf(c -> Words.distance(c, word, 1) > 1);
        return List.copyOf(candidates);
    }

    /** Words in the longest entry: no entry starting anywhere is longer. */
    int longestEntry() {
        return longestEntry;
    }

    /** Whether a word alone is an entry, so it has synonyms and is no typo. */
    boolean hasEntry(String foldedWords) {
        return alternatives.containsKey(foldedWords);
    }

    SynonymMap map() {
        return map;
    }

    boolean isEmpty() {
        return map == null || map.fst == null;
    }

    /** Words equal but for a plural's "s", which the synonym analysis stems away too ("sleeping pills"). */
    private static boolean sameWords(List<String> typed, List<String> entry) {
        for (int i = 0; i < typed.size(); i++) {
            String t = typed.get(i);
            String e = entry.get(i);
            if (!t.equals(e) && !e.equals(singular(t))) {
                return false;
            }
        }
        return true;
    }

    /** The longest multi-word entry starting at word {@code start}, as a number of words; 0 if none. */
    int phraseAt(List<String> words, int start, boolean[] taken) {
        String first = words.get(start);
        List<List<String>> candidates = phrasesByFirstWord.getOrDefault(first, List.of());
        if (candidates.isEmpty() && singular(first) != null) {
            candidates = phrasesByFirstWord.getOrDefault(singular(first), List.of());
        }
        for (List<String> phrase : candidates) {
            int n = phrase.size();
            if (start + n <= words.size() && sameWords(words.subList(start, start + n), phrase)) {
                boolean free = true;
                for (int k = start; k < start + n; k++) {
                    free &= !taken[k];
                }
                if (free) {
                    return n;
                }
            }
        }
        return 0;
    }
}
