package monosearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Whether a folder holds a committed index with at least one section. */
final class IndexCheck {
    private IndexCheck() {
    }

    static boolean hasIndex(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.numDocs() > 0;
            }
        }
    }
}
