package monosearch.search;

import java.io.IOException;
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

/** Counts matching sections per canonical section name, from doc values, over every match. */
final class SectionCounts implements CollectorManager<SectionCounts.Counter, List<SearchResult.FacetValue>> {

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public List<SearchResult.FacetValue> reduce(Collection<Counter> counters) {
        Map<String, Long> total = new HashMap<>();
        for (Counter c : counters) {
            c.flush();
            c.counts.forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        List<SearchResult.FacetValue> out = new ArrayList<>();
        total.forEach((k, v) -> out.add(new SearchResult.FacetValue(k, v)));
        out.sort(Comparator.comparingLong((SearchResult.FacetValue f) -> -f.count()).thenComparing(SearchResult.FacetValue::value));
        return out;
    }

    static final class Counter extends SimpleCollector {
        private final Map<String, Long> counts = new HashMap<>();
        private SortedDocValues values;
        private int[] perOrd;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            values = DocValues.getSorted(context.reader(), Schema.SECTION);
            perOrd = new int[values.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                perOrd[values.ordValue()]++;
            }
        }

        void flush() {
            if (values == null) {
                return;
            }
            try {
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        counts.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            values = null;
            perOrd = null;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
