package monosearch.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * {@link KStemFilter} that remembers the stems it has made. KStem looks a word up in its dictionary once per
 * suffix rule it tries, so a word outside the dictionary ("infections") costs a dozen look-ups, and monographs
 * repeat the same few thousand words; here a repeated word costs one. A word's stem depends on the word alone, so
 * the terms are the same as KStemFilter's. One instance serves one token stream (one thread).
 */
final class CachedKStemFilter extends TokenFilter {
    /** Words remembered before the memory starts afresh: bounds it (a few MB) on a corpus of odd words. */
    private static final int MAX_REMEMBERED = 50_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(4096, false);
    /** KStemFilter's stemmer is not public: it stems the one word this stream holds. */
    private final OneWord word = new OneWord();
    private final KStemFilter stemmer = new KStemFilter(word);

    CachedKStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        char[] stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            stem = stem(term.buffer(), term.length());
            if (stems.size() >= MAX_REMEMBERED) {
                stems.clear();
            }
            stems.put(Arrays.copyOf(term.buffer(), term.length()), stem);
        }
        term.copyBuffer(stem, 0, stem.length);
        return true;
    }

    private char[] stem(char[] text, int length) throws IOException {
        word.term.copyBuffer(text, 0, length);
        word.ready = true;
        stemmer.incrementToken();
        return Arrays.copyOf(word.term.buffer(), word.term.length());
    }

    /** A token stream of one word, set before each call. */
    private static final class OneWord extends TokenStream {
        final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        boolean ready;

        @Override
        public boolean incrementToken() {
            boolean next = ready;
            ready = false;
            return next;
        }
    }
}
