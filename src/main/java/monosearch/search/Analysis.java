package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/** What the index knows of words: their analysed terms, how often they occur, and what a prefix completes to. */
final class Analysis {
    /** The fields a word is matched in, most telling first. */
    static final String[] TEXT_FIELDS = {Schema.DRUG, Schema.HEADINGS, Schema.BODY};

    private Analysis() {
    }

    /** The terms an analyzer makes of a text. */
    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Schema.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** A text as the analyzer normalises a single term (folded, lower case), unstemmed: a prefix to complete. */
    static String normalized(Analyzer analyzer, String text) {
        return analyzer.normalize(Schema.BODY, text).utf8ToString();
    }

    /** Sections holding the term in any text field (a section counts once per field). */
    static int docFreq(IndexReader reader, String term) throws IOException {
        int df = 0;
        for (String field : TEXT_FIELDS) {
            df += reader.docFreq(new Term(field, term));
        }
        return df;
    }

    /**
     * The indexed words of the body and headings starting with {@code prefix}, the most frequent first: a word
     * being typed is likelier the common word than the rare one that sorts first.
     */
    static List<String> completions(IndexReader reader, String prefix, int max) throws IOException {
        Map<String, Integer> freq = new HashMap<>();
        BytesRef start = new BytesRef(prefix);
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : new String[] {Schema.BODY, Schema.HEADINGS, Schema.DRUG}) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
                    continue;
                }
                for (BytesRef t = e.term(); t != null && startsWith(t, start); t = e.next()) {
                    freq.merge(t.utf8ToString(), e.docFreq(), Integer::sum);
                }
            }
        }
        return freq.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (term.bytes[term.offset + i] != prefix.bytes[prefix.offset + i]) {
                return false;
            }
        }
        return true;
    }
}
