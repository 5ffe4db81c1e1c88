package monosearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import monosearch.index.Schema;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every match, from doc values: per canonical section (the section facet) and per monograph (how much
 * of a monograph is about the query). Monograph counts stay per segment, by slug ordinal: a monograph's
 * sections are written together, so they share a segment, and only the few top hits are ever looked up.
 */
final class MatchCounts implements CollectorManager<MatchCounts.Counter, MatchCounts.Counts> {

    /** Matching sections per section name, largest first; per slug ordinal of each segment, by segment ord. */
    record Counts(List<SearchResult.FacetValue> sections, Map<Integer, int[]> perSlugOrd) {
        /** Matching sections of the monograph holding this doc, given its segment and slug ordinal there. */
        int ofMonograph(int segment, int slugOrd) {
            int[] counts = perSlugOrd.get(segment);
            return counts == null || slugOrd < 0 || slugOrd >= counts.length ? 1 : counts[slugOrd];
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counts reduce(Collection<Counter> counters) {
        Map<String, Long> sections = new HashMap<>();
        Map<Integer, int[]> perSlug = new HashMap<>();
        for (Counter c : counters) {
            c.flush();
            c.sections.forEach((k, v) -> sections.merge(k, v, Long::sum));
            perSlug.putAll(c.slugs);
        }
        List<SearchResult.FacetValue> facet = new ArrayList<>();
        sections.forEach((k, v) -> facet.add(new SearchResult.FacetValue(k, v)));
        facet.sort(Comparator.comparingLong((SearchResult.FacetValue f) -> -f.count()).thenComparing(SearchResult.FacetValue::value));
        return new Counts(facet, perSlug);
    }

    static final class Counter extends SimpleCollector {
        private final Map<String, Long> sections = new HashMap<>();
        private final Map<Integer, int[]> slugs = new HashMap<>();
        private SortedDocValues sectionValues;
        private SortedDocValues slugValues;
        private int[] perSection;
        private int[] perSlug;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            sectionValues = DocValues.getSorted(context.reader(), Schema.SECTION);
            slugValues = DocValues.getSorted(context.reader(), Schema.SLUG);
            perSection = new int[sectionValues.getValueCount()];
            perSlug = new int[slugValues.getValueCount()];
            slugs.put(context.ord, perSlug);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (sectionValues.advanceExact(doc)) {
                perSection[sectionValues.ordValue()]++;
            }
            if (slugValues.advanceExact(doc)) {
                perSlug[slugValues.ordValue()]++;
            }
        }

        void flush() {
            if (sectionValues == null) {
                return;
            }
            try {
                for (int ord = 0; ord < perSection.length; ord++) {
                    if (perSection[ord] > 0) {
                        sections.merge(sectionValues.lookupOrd(ord).utf8ToString(), (long) perSection[ord], Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sectionValues = null;
            slugValues = null;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
