package monosearch.solrplugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A collection's term dictionaries as one reader: every shard's terms, each with its documents summed over the
 * shards. It holds no postings; it answers what planning asks of words (frequencies, completions, words near a
 * typo) with core's own code, exactly as one index holding the whole collection would.
 */
final class VocabularyReader extends FilterLeafReader {
    private final Map<String, SortedTerms> fields;

    VocabularyReader(Map<String, SortedTerms> fields) {
        super(emptyLeaf());
        this.fields = fields;
    }

    private static LeafReader emptyLeaf() {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                w.addDocument(new Document());
            }
            return DirectoryReader.open(dir).leaves().get(0).reader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Terms terms(String field) {
        return fields.get(field);
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** Terms in Lucene's order (of their UTF-8 bytes) with their document frequencies. */
    static final class SortedTerms extends Terms {
        private final BytesRef[] terms;
        private final int[] docFreqs;
        private final long sumDocFreq;

        SortedTerms(Map<BytesRef, Integer> merged) {
            terms = merged.keySet().toArray(BytesRef[]::new);
            Arrays.sort(terms);
            docFreqs = new int[terms.length];
            long sum = 0;
            for (int i = 0; i < terms.length; i++) {
                docFreqs[i] = merged.get(terms[i]);
                sum += docFreqs[i];
            }
            sumDocFreq = sum;
        }

        @Override
        public TermsEnum iterator() {
            return new Enum();
        }

        @Override
        public long size() {
            return terms.length;
        }

        @Override
        public long getSumTotalTermFreq() {
            return sumDocFreq;
        }

        @Override
        public long getSumDocFreq() {
            return sumDocFreq;
        }

        @Override
        public int getDocCount() {
            return -1;
        }

        @Override
        public boolean hasFreqs() {
            return false;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        private final class Enum extends BaseTermsEnum {
            private int at = -1;

            @Override
            public SeekStatus seekCeil(BytesRef text) {
                int i = Arrays.binarySearch(terms, text);
                if (i >= 0) {
                    at = i;
                    return SeekStatus.FOUND;
                }
                at = -i - 1;
                return at >= terms.length ? SeekStatus.END : SeekStatus.NOT_FOUND;
            }

            @Override
            public void seekExact(long ord) {
                at = (int) ord;
            }

            @Override
            public BytesRef term() {
                return terms[at];
            }

            @Override
            public long ord() {
                return at;
            }

            @Override
            public int docFreq() {
                return docFreqs[at];
            }

            @Override
            public long totalTermFreq() {
                return docFreqs[at];
            }

            @Override
            public PostingsEnum postings(PostingsEnum reuse, int flags) {
                throw new UnsupportedOperationException("a vocabulary holds no postings");
            }

            @Override
            public ImpactsEnum impacts(int flags) {
                throw new UnsupportedOperationException("a vocabulary holds no postings");
            }

            @Override
            public BytesRef next() {
                if (at + 1 >= terms.length) {
                    at = terms.length;
                    return null;
                }
                return terms[++at];
            }
        }
    }
}
