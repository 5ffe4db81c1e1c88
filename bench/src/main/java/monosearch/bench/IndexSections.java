package monosearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** The live sections of an index on disk, read once each with the stored fields asked for. */
final class IndexSections {
    /** What is done with each section; may fail with its own kind of exception (an SQL insert, say). */
    interface Visitor<E extends Exception> {
        void visit(Document section) throws E;
    }

    private IndexSections() {
    }

    static <E extends Exception> void forEach(Path index, Set<String> fields, Visitor<E> visitor) throws IOException, E {
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(stored.document(doc, fields));
                    }
                }
            }
        }
    }
}
