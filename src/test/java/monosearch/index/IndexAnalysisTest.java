package monosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import monosearch.monograph.Section;
import monosearch.testing.RandomText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * What the index holds of a text is what a query for that text looks for: the index analyzer (FlatWordDelimiterFilter,
 * the cached KStem, the table char filter) gives token for token what the query analyzer gives, flattened as an
 * index must store a token graph (Lucene's FlattenGraphFilter). Synonyms aside, the two chains must never drift apart:
 * a changed split flag or character pair on one side would silently cost every query its matches.
 */
class IndexAnalysisTest {
    private static final Analyzer INDEXING = DrugTextAnalyzer.forIndexing();
    private static final Analyzer QUERYING = DrugTextAnalyzer.forQueries();

    /** Every token as "term posInc/posLen [start,end) type", then what end() leaves. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = stream) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " " + inc.getPositionIncrement() + "/" + len.getPositionLength()
                        + " [" + offset.startOffset() + "," + offset.endOffset() + ") " + type.type());
            }
            ts.end();
            out.add("end " + inc.getPositionIncrement() + " [" + offset.startOffset() + "," + offset.endOffset() + ")");
        }
        return out;
    }

    private static void assertSameTokens(String text, String where) throws IOException {
        List<String> expected = tokens(new FlattenGraphFilter(QUERYING.tokenStream(Schema.BODY, text)));
        List<String> actual = tokens(INDEXING.tokenStream(Schema.BODY, text));
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        if (i < expected.size() || i < actual.size()) {
            int from = Math.max(0, i - 3);
            assertEquals(expected.subList(from, Math.min(expected.size(), i + 3)),
                    actual.subList(from, Math.min(actual.size(), i + 3)), where + ", token " + i + " of "
                            + expected.size() + ", text: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }

    @Test
    void trickyWordsGiveTheSameTokens() throws IOException {
        String[] words = {
            "co-trimoxazole", "5-fluorouracil", "mg/m2", "mg/m²", "mg/mÂ²", "patient's", "patient’s", "patients'",
            "B12", "vitamin-B12", "b12-x", "--", "a-", "-b", "x/y/z", "O'Neil", "O'Neil's", "O’Neil’s", "0.5",
            "1,000", "10-20", "10–20", "10—20", "a‐b", "a‑b", "(see", "see)", "(e.g.,", "i.e.", "U.S.A.", "'s",
            "x's-y", "ab's's", "a's-b's", "a'b", "a''s", "A's", "IL-2", "COVID-19", "5-HT3", "Ca2+", "β-blocker",
            "µg/kg", "μg/kg", "naïve-café", "ﬁ-x", "Œuvre-ß", "𝐀-1-b", "𝐀-b-c", "1-𝐀-b", "中文-字", "١٢-x",
            "a-b-1-c-d", "1-2-3", "a-b-c-d-e-f", "—", "...", "'", "’s", "`quoted`", "don't", "can't-won't",
            "x.y,z;w:v", "[1]", "<br>", "&amp;", "½-dose", "²", "a²b", "e-mail's", "HbA1c", "T½", "≥5", "±2", "5%",
            "$10", "#3", "@x", "a_b", "a\u00ADb", "a\u200Bb", "a\u0301-b", "Ⅻ-x", "x-Ⅻ",
        };
        for (String w : words) {
            assertSameTokens(w, "word");
            assertSameTokens("before " + w + " after", "word in text");
            assertSameTokens("-- " + w + " --", "word between holes");
        }
        assertSameTokens(String.join(" ", words), "all words");
    }

    @Test
    void randomTextGivesTheSameTokens() throws IOException {
        String alphabet = "aAsSbz09'’-–—/.,()²µ _\t\n𝐀中éß";
        List<String> texts = RandomText.strings(alphabet, 42, 20_000, 24);
        for (int i = 0; i < texts.size(); i++) {
            assertSameTokens(texts.get(i), "random text " + i);
        }
    }

    @Test
    void bundledCorpusGivesTheSameTokens() throws IOException {
        int texts = sameTokensOver(CorpusSections.bundled(), true);
        assertTrue(texts > 1000, "texts compared: " + texts);
    }

    @Test
    void fdaLabelsGiveTheSameTokens() throws IOException {
        int texts = sameTokensOver(CorpusSections.fda(), false);
        assertTrue(texts > 5_000, "texts compared: " + texts);
    }

    /**
     * Every analysed field of every section, token for token; with {@code raw}, the whole file too (markup and front
     * matter: text the parser never passes on, for more kinds of input).
     */
    private static int sameTokensOver(List<CorpusSections.Parsed> corpus, boolean raw) throws IOException {
        int texts = 0;
        for (CorpusSections.Parsed p : corpus) {
            String where = p.file().source();
            if (raw) {
                assertSameTokens(p.raw(), where + " raw file");
                texts++;
            }
            assertSameTokens(p.monograph().drug(), where + " drug");
            texts++;
            for (Section s : p.monograph().sections()) {
                assertSameTokens(s.text(), where + " body of " + s.heading());
                assertSameTokens(s.heading(), where + " heading");
                assertSameTokens(String.join(" ", s.path()), where + " headings");
                assertSameTokens(Schema.leads(s.text()), where + " leads of " + s.heading());
                texts += 4;
            }
        }
        return texts;
    }
}
