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
import java.util.IdentityHashMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
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
        return forDocs(searcher, query, docIds, bodies, new LookedUpTerms(searcher));
    }

    /** As {@link #forDocs(IndexSearcher, Query, int[], String[])}, with the terms the search has looked up already. */
    String[] forDocs(IndexSearcher searcher, Query query, int[] docIds, String[] bodies, LookedUpTerms terms)
            throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter.Builder builder = builder(searcher)
                .withFormatter(new SnippetFormatter(MAX_CHARS))
                .withScorer(SCORER)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new RememberedBreaks(BreakIterator.getSentenceInstance(Locale.ROOT)), PASSAGE_GOAL, 0.3f))
                .withMaxNoHighlightPassages(1);
        String[] snippets = highlight(builder, searcher, query, docIds, bodies, 1, terms);
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
        highlight(builder, searcher, query, docIds, bodies, 1, new LookedUpTerms(searcher));
        return words;
    }

    /**
     * The matches of the highlighted hits from one weight of the query. Lucene's own strategy builds the query's
     * weight again for every hit, looking each of its terms up in the term dictionary each time: with synonyms,
     * typo alternatives and completions that was most of a search's snippet time. The weight is the whole
     * index's, so term queries carrying the states the search looked up skip the look-up here too; a segment the
     * index does not hold as such (a wrapped reader) gets a weight of its own.
     */
    private static final class OneWeight extends FieldOffsetStrategy {
        private final IndexSearcher whole;
        private final Map<LeafReader, Weight> ofSegment = new IdentityHashMap<>();
        private Weight weight;

        OneWeight(UHComponents components, IndexSearcher searcher) {
            super(components);
            whole = new IndexSearcher(searcher.getIndexReader());
            whole.setQueryCache(null);
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return UnifiedHighlighter.OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
            Matches matches = null;
            LeafReaderContext leaf = leafOf(reader);
            if (leaf != null) {
                if (weight == null) {
                    weight = whole.createWeight(HitOrderTermQuery.of(whole.rewrite(components.getQuery())),
                            ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                matches = weight.matches(leaf, docId);
            } else {
                Weight own = ofSegment.get(reader);
                if (own == null) {
                    IndexSearcher segment = new IndexSearcher(reader);
                    segment.setQueryCache(null);
                    own = segment.createWeight(segment.rewrite(components.getQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                    ofSegment.put(reader, own);
                }
                matches = own.matches(reader.getContext(), docId);
            }
            if (matches == null) {
                return OffsetsEnum.EMPTY;
            }
            List<OffsetsEnum> enums = new ArrayList<>();
            for (String field : matches) {
                MatchesIterator inField = components.getFieldMatcher().test(field) ? matches.getMatches(field) : null;
                if (inField != null) {
                    enums.add(new OffsetsEnum.OfMatchesIteratorWithSubs(inField));
                }
            }
            return switch (enums.size()) {
                case 0 -> OffsetsEnum.EMPTY;
                case 1 -> enums.get(0);
                default -> new OffsetsEnum.MultiOffsetsEnum(enums);
            };
        }

        private LeafReaderContext leafOf(LeafReader reader) {
            for (LeafReaderContext leaf : whole.getIndexReader().leaves()) {
                if (leaf.reader() == reader) {
                    return leaf;
                }
            }
            return null;
        }
    }

    private UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(MAX_SECTION_CHARS)
                .withWeightMatches(true)
                .withHighlightPhrasesStrictly(true);
    }

    private static String[] highlight(UnifiedHighlighter.Builder builder, IndexSearcher searcher, Query query,
                                      int[] docIds, String[] bodies, int passages, LookedUpTerms terms)
            throws IOException {
        Map<Integer, String> bodyOf = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            bodyOf.put(docIds[i], bodies[i]);
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return source == OffsetSource.POSTINGS ? new OneWeight(components, searcher)
                        : super.getOffsetStrategy(source, components);
            }

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
        Query bodyOnly = terms.of(HighlightQuery.of(searcher.rewrite(query), Schema.BODY));
        return highlighter.highlightFields(new String[] {Schema.BODY}, bodyOnly, docIds, new int[] {passages})
                .get(Schema.BODY);
    }
}
