package monosearch.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/** Snippets of section bodies from the offsets stored in the postings: no re-analysis of the text. */
final class Snippets {
    static final int MAX_CHARS = 220;
    private static final int PASSAGE_GOAL = 160;
    private static final int MAX_SECTION_CHARS = 60_000;
    private static final LeanPassageScorer SCORER = new LeanPassageScorer();

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * One snippet per doc id, from the body texts the caller has already read; a section with no match in its
     * body shows its opening words.
     */
    String[] forDocs(IndexSearcher searcher, Query query, int[] docIds, String[] bodies) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter.Builder builder = builder(searcher)
                .withFormatter(new SnippetFormatter(MAX_CHARS))
                .withScorer(SCORER)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_GOAL, 0.3f))
                .withMaxNoHighlightPassages(1);
        String[] snippets = highlight(builder, searcher, query, docIds, bodies, 1);
        for (int i = 0; i < snippets.length; i++) {
            if (snippets[i] == null) {
                snippets[i] = "";
            }
        }
        return snippets;
    }

    /**
     * The words of the texts that the query matches, as written ("Vomiting", "nausea"): synonyms, corrections
     * and completions included, so a page can mark exactly what the search found.
     */
    Set<String> matchedWords(IndexSearcher searcher, Query query, int[] docIds, String[] bodies) throws IOException {
        Set<String> words = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (docIds.length == 0) {
            return words;
        }
        UnifiedHighlighter.Builder builder = builder(searcher)
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxNoHighlightPassages(0)
                .withFormatter(new PassageFormatter() {
                    @Override
                    public Object format(Passage[] passages, String content) {
                        for (Passage p : passages) {
                            for (int i = 0; i < p.getNumMatches(); i++) {
                                words.add(content.substring(p.getMatchStarts()[i], p.getMatchEnds()[i]));
                            }
                        }
                        return null;
                    }
                });
        highlight(builder, searcher, query, docIds, bodies, 1);
        return words;
    }

    private UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_SECTION_CHARS)
                .withWeightMatches(true)
                .withHighlightPhrasesStrictly(true);
    }

    private static String[] highlight(UnifiedHighlighter.Builder builder, IndexSearcher searcher, Query query,
                                      int[] docIds, String[] bodies, int passages) throws IOException {
        Map<Integer, String> bodyOf = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            bodyOf.put(docIds[i], bodies[i]);
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int threshold)
                    throws IOException {
                // The texts were read with the hit's other stored fields: reading them again would decompress
                // the same stored-field block a second time.
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    values.add(new CharSequence[] {bodyOf.getOrDefault(doc, "")});
                }
                return values;
            }
        };
        // A rewritten query (prefixes and synonyms expanded to terms) lets the highlighter take the offsets
        // stored in the postings instead of analysing each hit's text again.
        Query bodyOnly = HighlightQuery.of(searcher.rewrite(query), Schema.BODY);
        return highlighter.highlightFields(new String[] {Schema.BODY}, bodyOnly, docIds, new int[] {passages})
                .get(Schema.BODY);
    }
}
