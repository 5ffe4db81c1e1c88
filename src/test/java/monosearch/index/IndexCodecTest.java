package monosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCodecTest {
    @TempDir
    Path temp;

    @Test
    void storedTextOfEverySizeReadsBackWholeFromSegmentsWrittenAndMergedWithTheCodec() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Small sections in shared chunks, and a few far larger than a chunk, which are read in slices.
            int length = i % 500 == 7 ? 400_000 + i : 20 + (i * 37) % 3_000;
            texts.add(text(i, length));
        }
        try (Directory dir = FSDirectory.open(temp)) {
            IndexWriterConfig config = new IndexWriterConfig().setCodec(new IndexCodec()).setMaxBufferedDocs(700);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < texts.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    d.add(new StoredField("body", texts.get(i)));
                    writer.addDocument(d);
                }
                writer.commit();
                writer.forceMerge(1);
                writer.commit();
            }
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
                assertEquals(IndexCodec.NAME, segment.info.getCodec().getName());
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                StoredFields stored = reader.storedFields();
                for (int doc = reader.maxDoc() - 1; doc >= 0; doc--) {
                    Document d = stored.document(doc);
                    assertEquals(texts.get(Integer.parseInt(d.get("id"))), d.get("body"), "document " + doc);
                }
            }
        }
    }

    private static String text(int seed, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; out.length() < length; i++) {
            out.append((char) ('a' + (seed + i * 7) % 26));
            if (i % 9 == 8) {
                out.append(i % 5 == 0 ? " µg/m² " : ' ');
            }
        }
        return out.substring(0, length);
    }
}
