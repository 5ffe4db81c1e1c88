package monosearch.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import monosearch.index.DrugTextAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Query-time synonyms from a file in the Solr synonyms format: lay and clinical terms, brand and generic names.
 * Besides the Lucene synonym map it keeps the multi-word entries, so the planner can treat "low blood pressure"
 * as one unit that "hypotension" may stand for.
 */
public final class Synonyms {
    private final SynonymMap map;
    private final List<List<String>> phrases;

    private Synonyms(SynonymMap map, List<List<String>> phrases) {
        this.map = map;
        this.phrases = phrases;
    }

    public static Synonyms none() {
        return new Synonyms(null, List.of());
    }

    public static Synonyms bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream("/monosearch/synonyms.txt")) {
            if (in == null) {
                return none();
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the bundled synonyms.txt");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled synonyms.txt", e);
        }
    }

    public static Synonyms load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static Synonyms parse(String text, String name) throws IOException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, DrugTextAnalyzer.forSynonymEntries());
        try {
            parser.parse(new StringReader(text));
        } catch (ParseException e) {
            throw new IOException(name + ": not a valid synonyms file (line " + e.getErrorOffset() + "): " + e.getMessage(), e);
        }
        Set<List<String>> multiWord = new HashSet<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            for (String entry : line.split("=>|,")) {
                List<String> words = Words.split(entry);
                if (words.size() > 1) {
                    multiWord.add(words);
                }
            }
        }
        List<List<String>> phrases = new ArrayList<>(multiWord);
        phrases.sort(Comparator.comparingInt((List<String> p) -> -p.size()));
        return new Synonyms(parser.build(), List.copyOf(phrases));
    }

    SynonymMap map() {
        return map;
    }

    boolean isEmpty() {
        return map == null || map.fst == null;
    }

    /** The longest multi-word entry starting at word {@code start}, as a number of words; 0 if none. */
    int phraseAt(List<String> words, int start, boolean[] taken) {
        for (List<String> phrase : phrases) {
            int n = phrase.size();
            if (start + n <= words.size() && words.subList(start, start + n).equals(phrase)) {
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
