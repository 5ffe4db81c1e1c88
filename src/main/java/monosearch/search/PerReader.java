package monosearch.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * A value worked out once per index or segment reader, kept while the reader is open (what it is read from never
 * changes) and dropped when it closes. A reader without a cache key gets a fresh value each time.
 */
final class PerReader<T> {
    /** Works the value out. */
    interface Source<T> {
        T read() throws IOException;
    }

    private final Map<IndexReader.CacheKey, T> values = new ConcurrentHashMap<>();

    /** The reader's value; two threads asking at once may both work it out, and both get the one kept. */
    T of(IndexReader reader, Source<T> source) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return source.read();
        }
        T known = values.get(helper.getKey());
        if (known != null) {
            return known;
        }
        T fresh = source.read();
        known = values.putIfAbsent(helper.getKey(), fresh);
        if (known != null) {
            return known;
        }
        helper.addClosedListener(values::remove);
        return fresh;
    }
}
