package monosearch.index;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Analysis for drug text. Words are split on white space, then on punctuation inside them, keeping the joined
 * form too ("co-trimoxazole" gives co, trimoxazole and cotrimoxazole) but never splitting letters from digits
 * ("m2", "b12" stay whole). Superscripts and curly apostrophes are mapped first so "mg/m²" meets "mg/m2" and
 * "patient’s" meets "patient's"; possessives are dropped; case and accents are folded; KStem stems lightly,
 * leaving drug names alone.
 */
public final class DrugTextAnalyzer extends Analyzer {
    private static final int SPLIT_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** Superscripts, apostrophe look-alikes, dashes and micro signs: one character for one, so offsets stay put. */
    private static final String[][] CHAR_PAIRS = {
        {"²", "2"}, {"³", "3"}, {"¹", "1"},
        {"’", "'"}, {"‘", "'"}, {"ʼ", "'"}, {"`", "'"}, {"´", "'"},
        {"‐", "-"}, {"‑", "-"}, {"–", "-"}, {"—", " "},
        {"µ", "u"}, {"μ", "u"},
    };
    private static final char[] CHAR_TABLE = charTable();

    private final boolean catenate;
    private final boolean flatten;
    private final SynonymMap synonyms;

    private DrugTextAnalyzer(boolean catenate, boolean flatten, SynonymMap synonyms) {
        this.catenate = catenate;
        this.flatten = flatten;
        this.synonyms = synonyms;
    }

    /**
     * For documents: joined forms added, and the tokens flat, as the index needs; the same tokens as
     * {@link #forQueries()} followed by Lucene's FlattenGraphFilter, made without a graph (see
     * {@link FlatWordDelimiterFilter}).
     */
    public static DrugTextAnalyzer forIndexing() {
        return new DrugTextAnalyzer(true, true, null);
    }

    /** For queries as typed: the graph is kept so "co-trimoxazole" also matches "cotrimoxazole". */
    public static DrugTextAnalyzer forQueries() {
        return new DrugTextAnalyzer(true, false, null);
    }

    /**
     * For queries with synonyms. The synonym filter cannot read a token graph, so words are only split here,
     * not joined; the query as typed covers the joined forms.
     */
    public static DrugTextAnalyzer withSynonyms(SynonymMap synonyms) {
        return new DrugTextAnalyzer(false, false, synonyms);
    }

    /** For reading the entries of a synonym file: one token per position, as the synonym map needs. */
    public static DrugTextAnalyzer forSynonymEntries() {
        return new DrugTextAnalyzer(false, false, null);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CharMapFilter(reader, CHAR_TABLE);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        if (flatten) {
            // The tokens of the query chain below followed by FlattenGraphFilter, without building a graph.
            TokenStream stream = new FlatWordDelimiterFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new CachedKStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
        int flags = catenate ? SPLIT_FLAGS | WordDelimiterGraphFilter.CATENATE_WORDS : SPLIT_FLAGS;
        TokenStream stream = new WordDelimiterGraphFilter(source, flags, null);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new KStemFilter(stream);
        if (synonyms != null && synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** The mapping as a table indexed by character, for {@link CharMapFilter}. */
    private static char[] charTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
        }
        for (String[] pair : CHAR_PAIRS) {
            if (pair[0].length() != 1 || pair[1].length() != 1) {
                throw new IllegalStateException("not one character for one: " + pair[0] + " → " + pair[1]);
            }
            table[pair[0].charAt(0)] = pair[1].charAt(0);
        }
        return table;
    }
}
