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
 * of a monograph is about the query).
 */
final class MatchCounts implements CollectorManager<MatchCounts.Counter, MatchCounts.Counts> {

    /** Matching sections per section name, largest first, and per slug. */
    record Counts(List<SearchResult.FacetValue> sections, Map<String, Integer> perSlug) {
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counts reduce(Collection<Counter> counters) {
        Map<String, Long> sections = new HashMap<>();
        Map<String, Integer> perSlug = new HashMap<>();
        for (Counter c : counters) {
            c.flush();
            c.sections.forEach((k, v) -> sections.merge(k, v, Long::sum));
            c.slugs.forEach((k, v) -> perSlug.merge(k, v, Integer::sum));
        }
        List<SearchResult.FacetValue> facet = new ArrayList<>();
        sections.forEach((k, v) -> facet.add(new SearchResult.FacetValue(k, v)));
        facet.sort(Comparator.comparingLong((SearchResult.FacetValue f) -> -f.count()).thenComparing(SearchResult.FacetValue::value));
        return new Counts(facet, perSlug);
    }

    static final class Counter extends SimpleCollector {
        private final Map<String, Long> sections = new HashMap<>();
        private final Map<String, Integer> slugs = new HashMap<>();
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
                for (int ord = 0; ord < perSlug.length; ord++) {
                    if (perSlug[ord] > 0) {
                        slugs.merge(slugValues.lookupOrd(ord).utf8ToString(), perSlug[ord], Integer::sum);
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
