package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import monosearch.index.Schema;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SlugOrderTest {
    @Test
    void sortsAndReportsSlugsAsTheStringSortDoesAcrossSegments() throws Exception {
        Random random = new Random(3);
        for (int segments : new int[] {1, 4}) {
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                 IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                         .setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int s = 0; s < segments; s++) {
                    for (int d = 0; d < 40; d++) {
                        Document doc = new Document();
                        if (random.nextInt(10) > 0) {
                            // Few distinct slugs, so segments share some and ties are many; non-ASCII for byte order.
                            String slug = "s" + random.nextInt(25) + (random.nextBoolean() ? "é" : "z");
                            doc.add(new SortedDocValuesField(Schema.SLUG, new BytesRef(slug)));
                        }
                        writer.addDocument(doc);
                    }
                    writer.commit();
                }
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    assertEquals(segments, reader.leaves().size());
                    IndexSearcher searcher = new IndexSearcher(reader);
                    for (int n : new int[] {1, 7, 30, 500}) {
                        TopFieldDocs strings = searcher.search(new MatchAllDocsQuery(), n,
                                new Sort(new SortField(Schema.SLUG, SortField.Type.STRING)));
                        TopFieldDocs ords = searcher.search(new MatchAllDocsQuery(), n,
                                new Sort(new SortField(Schema.SLUG, new SlugOrder())));
                        assertEquals(strings.scoreDocs.length, ords.scoreDocs.length);
                        for (int i = 0; i < strings.scoreDocs.length; i++) {
                            assertEquals(strings.scoreDocs[i].doc, ords.scoreDocs[i].doc, "hit " + i + " of " + n);
                            assertEquals(((FieldDoc) strings.scoreDocs[i]).fields[0], ((FieldDoc) ords.scoreDocs[i]).fields[0]);
                        }
                    }
                }
            }
        }
    }
}
