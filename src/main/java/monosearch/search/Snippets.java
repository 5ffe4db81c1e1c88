package monosearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Snippets of section bodies from the offsets stored in the postings: no re-analysis of the text. */
final class Snippets {
    static final int MAX_CHARS = 220;
    private static final int PASSAGE_GOAL = 160;
    private static final int MAX_SECTION_CHARS = 60_000;

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** One snippet per doc id; a section with no match in its body shows its opening words. */
    String[] forDocs(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter(MAX_CHARS))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_GOAL, 0.3f))
                .withMaxLength(MAX_SECTION_CHARS)
                .withMaxNoHighlightPassages(1)
                .withWeightMatches(true)
                .withHighlightPhrasesStrictly(true)
                .build();
        String[] fields = {Schema.BODY};
        // A rewritten query (prefixes and synonyms expanded to terms) lets the highlighter take the offsets
        // stored in the postings instead of analysing each hit's text again.
        Query rewritten = searcher.rewrite(query);
        String[] snippets = highlighter.highlightFields(fields, rewritten, docIds, new int[] {1}).get(Schema.BODY);
        for (int i = 0; i < snippets.length; i++) {
            if (snippets[i] == null) {
                snippets[i] = "";
            }
        }
        return snippets;
    }
}
