package monosearch.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import monosearch.index.Schema;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/** Corrections for words that appear nowhere in the index: drug names first, then any indexed word. */
final class Spelling {
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling() {
        checker.setMinQueryLength(4);
        checker.setMaxEdits(2);
        checker.setAccuracy(0.7f);
    }

    /** Typed word to its correction, for each word that has one. */
    Map<String, String> corrections(Iterable<String> unknownWords, IndexSnapshot snapshot) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        IndexReader reader = snapshot.searcher().getIndexReader();
        for (String typed : unknownWords) {
            var folded = Words.split(typed);
            if (folded.size() != 1) {
                continue;
            }
            var mention = snapshot.drugs().mentionsIn(folded);
            if (!mention.isEmpty()) {
                out.put(typed, Words.split(mention.get(0).drug().drug()).get(0));
                continue;
            }
            String best = null;
            int bestFreq = 0;
            for (String field : new String[] {Schema.DRUG, Schema.BODY}) {
                SuggestWord[] words = checker.suggestSimilar(new Term(field, folded.get(0)), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (words.length > 0 && words[0].freq > bestFreq) {
                    best = words[0].string;
                    bestFreq = words[0].freq;
                }
            }
            if (best != null) {
                out.put(typed, best);
            }
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
