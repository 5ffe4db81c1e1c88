package monosearch.search;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import monosearch.index.Schema;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Slugs in byte order, as {@code new SortField(Schema.SLUG, SortField.Type.STRING)} sorts them, with the same
 * values (BytesRef, null where missing, missing first), compared by the index's global ordinals. Lucene's string
 * comparator copies the bytes of every competitive match's slug (a look-up that decompresses a block of the
 * terms dictionary: ~4% of a search's CPU) so that matches of different segments compare; global ordinals are in
 * byte order across segments, so a number compares the same, and the bytes are looked up only for the matches
 * kept. The map of ordinals is built once per index reader.
 */
final class SlugOrder extends FieldComparatorSource {
    private static final String FIELD = Schema.SLUG;
    private static final PerReader<Ords> OF_READER = new PerReader<>();

    /**
     * An index's slugs: segment ordinals to global ones (null for an index of one segment, whose ordinals are
     * global), and the slug of each global ordinal, filled as asked from any thread (a slot written twice gets
     * equal bytes; an atomic array, as a BytesRef is not safe to publish through a race; the values handed out
     * are never changed).
     */
    private record Ords(OrdinalMap map, AtomicReferenceArray<BytesRef> values) {
    }

    @Override
    public FieldComparator<?> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        if (!FIELD.equals(field)) {
            throw new IllegalArgumentException("slugs only, not " + field);
        }
        return new Comparator(FIELD, numHits);
    }

    private static final class Comparator extends FieldComparator<BytesRef> {
        private final String field;
        private final long[] ords;
        private long bottom;
        private List<LeafReaderContext> leaves;
        private Ords known;
        /** Per segment, the values {@link #value} looks the kept slugs up in. */
        private SortedDocValues[] lookUp;

        Comparator(String field, int numHits) {
            this.field = field;
            this.ords = new long[numHits];
        }

        @Override
        public int compare(int slot1, int slot2) {
            return Long.compare(ords[slot1], ords[slot2]);
        }

        @Override
        public void setTopValue(BytesRef value) {
            throw new UnsupportedOperationException("no paging after a value");
        }

        @Override
        public BytesRef value(int slot) {
            long ord = ords[slot];
            if (ord < 0) {
                return null;
            }
            BytesRef value = known.values().get((int) ord);
            if (value == null) {
                try {
                    OrdinalMap map = known.map();
                    int leaf = map == null ? 0 : map.getFirstSegmentNumber(ord);
                    long inLeaf = map == null ? ord : map.getFirstSegmentOrd(ord);
                    if (lookUp[leaf] == null) {
                        lookUp[leaf] = DocValues.getSorted(leaves.get(leaf).reader(), field);
                    }
                    value = BytesRef.deepCopyOf(lookUp[leaf].lookupOrd((int) inLeaf));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                known.values().set((int) ord, value);
            }
            return value;
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
            IndexReaderContext top = ReaderUtil.getTopLevelContext(context);
            if (leaves == null) {
                leaves = top.leaves();
                known = ords(top.reader(), leaves);
                lookUp = new SortedDocValues[leaves.size()];
            }
            SortedDocValues values = DocValues.getSorted(context.reader(), field);
            LongValues global = known.map() == null ? LongValues.IDENTITY : known.map().getGlobalOrds(context.ord);
            return new LeafFieldComparator() {
                private long ordOf(int doc) throws IOException {
                    return values.advanceExact(doc) ? global.get(values.ordValue()) : -1;
                }

                @Override
                public void setBottom(int slot) {
                    bottom = ords[slot];
                }

                @Override
                public int compareBottom(int doc) throws IOException {
                    return Long.compare(bottom, ordOf(doc));
                }

                @Override
                public int compareTop(int doc) {
                    throw new UnsupportedOperationException("no paging after a value");
                }

                @Override
                public void copy(int slot, int doc) throws IOException {
                    ords[slot] = ordOf(doc);
                }

                @Override
                public void setScorer(Scorable scorer) {
                }
            };
        }

        private Ords ords(IndexReader reader, List<LeafReaderContext> leaves) throws IOException {
            return OF_READER.of(reader, () -> {
                SortedDocValues[] values = new SortedDocValues[leaves.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = DocValues.getSorted(leaves.get(i).reader(), field);
                }
                if (values.length == 1) {
                    return new Ords(null, new AtomicReferenceArray<>(values[0].getValueCount()));
                }
                IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
                OrdinalMap map = OrdinalMap.build(helper == null ? null : helper.getKey(), values, PackedInts.DEFAULT);
                return new Ords(map, new AtomicReferenceArray<>(Math.toIntExact(map.getValueCount())));
            });
        }
    }
}
