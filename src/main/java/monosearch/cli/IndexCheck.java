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

    /** Like {@link #hasIndex}, but an unreadable index counts as present: opening it will tell what is wrong. */
    static boolean hasIndexQuietly(Path index) {
        try {
            return hasIndex(index);
        } catch (IOException | RuntimeException e) {
            return hasCommit(index);
        }
    }

    /** Whether the folder has a commit point (segments_N), readable or not. */
    static boolean hasCommit(Path index) {
        try (var files = Files.list(index)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
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
