package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import monosearch.index.Schema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Indexed words close to a word that is indexed nowhere: one edit away from 5 letters, two from 9. Found once
 * per word from the term dictionary; they serve both as the typo-tolerant alternatives of the query and as
 * the spelling suggestion, so the costly automaton is built once.
 */
final class Typos {
    static final int MAX_CANDIDATES = 3;
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMaxEdits(edits);
        c.setMinQueryLength(5);
        c.setMinPrefix(1);
        c.setAccuracy(0.7f);
        return c;
    }

    /** Indexed terms close to {@code term}, closest and most frequent first. */
    List<String> candidates(IndexReader reader, String term) throws IOException {
        DirectSpellChecker checker = term.length() >= 9 ? twoEdits : oneEdit;
        SuggestWord[] words = checker.suggestSimilar(new Term(Schema.BODY, term), MAX_CANDIDATES, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        List<String> out = new ArrayList<>(words.length);
        for (SuggestWord w : words) {
            out.add(w.string);
        }
        return out;
    }

    /** The query with each corrected word replaced, everything else as typed. */
    static String apply(String query, Map<String, String> corrections) {
        String out = query;
        for (Map.Entry<String, String> c : corrections.entrySet()) {
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c.getKey()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out = word.matcher(out).replaceAll(Matcher.quoteReplacement(c.getValue()));
        }
        return out;
    }
}
