package monosearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/** The state of every source file as the index last saw it, read from doc values (no stored fields). */
final class IndexedFiles {
    private IndexedFiles() {
    }

    /**
     * A digest of the schema version and every indexed file's name, slug and content hash: two indexes built
     * independently from the same corpus files by the same version have the same one, whatever their commit
     * generations or file timestamps, so a load balancer can tell that two servers serve the same content.
     */
    static String contentVersion(Map<String, MonographFiles.State> states) {
        StringBuilder lines = new StringBuilder(Schema.VERSION).append('\n');
        new TreeMap<>(states).forEach((source, state) ->
                lines.append(source).append('\t').append(state.slug()).append('\t').append(state.hash()).append('\n'));
        return Sha256.hex(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, MonographFiles.State> read(DirectoryReader reader) throws IOException {
        Map<String, MonographFiles.State> states = new HashMap<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            SortedDocValues sources = leaf.getSortedDocValues(Schema.SOURCE);
            SortedDocValues slugs = leaf.getSortedDocValues(Schema.SLUG);
            BinaryDocValues hashes = leaf.getBinaryDocValues(Schema.FILE_HASH);
            NumericDocValues sizes = leaf.getNumericDocValues(Schema.FILE_SIZE);
            NumericDocValues modified = leaf.getNumericDocValues(Schema.FILE_MODIFIED);
            if (sources == null || slugs == null || hashes == null || sizes == null || modified == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            for (int doc = sources.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = sources.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                String source = sources.lookupOrd(sources.ordValue()).utf8ToString();
                if (states.containsKey(source)) {
                    continue;
                }
                if (slugs.advanceExact(doc) && hashes.advanceExact(doc) && sizes.advanceExact(doc)
                        && modified.advanceExact(doc)) {
                    states.put(source, new MonographFiles.State(slugs.lookupOrd(slugs.ordValue()).utf8ToString(),
                            hashes.binaryValue().utf8ToString(), sizes.longValue(), modified.longValue()));
                }
            }
        }
        return states;
    }
}
