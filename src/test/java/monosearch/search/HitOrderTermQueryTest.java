package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class HitOrderTermQueryTest {
    private static final String[] WORDS = {"nausea", "rash", "dose", "leak", "liver", "the"};

    @Test
    void matchesAsTheTermQueryDoesForHitsInAnyOrder() throws Exception {
        Random random = new Random(9);
        FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int s = 0; s < 3; s++) {
                for (int d = 0; d < 50; d++) {
                    StringBuilder text = new StringBuilder();
                    for (int w = random.nextInt(12); w > 0; w--) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    Document doc = new Document();
                    doc.add(new Field("body", text.toString(), withOffsets));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String w : new String[] {"nausea", "liver", "absent"}) {
                    Term t = new Term("body", w);
                    b.add(new TermQuery(t, TermStates.build(searcher, t, true)), BooleanClause.Occur.SHOULD);
                }
                Query plain = b.build();
                Weight expected = searcher.createWeight(plain, ScoreMode.COMPLETE_NO_SCORES, 1f);
                Weight actual = searcher.createWeight(HitOrderTermQuery.of(plain), ScoreMode.COMPLETE_NO_SCORES, 1f);
                // Mostly forward, as the highlighter asks, with some hits asked again or out of order.
                for (int ask = 0; ask < 400; ask++) {
                    int doc = ask < 150 ? ask : random.nextInt(reader.maxDoc());
                    LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
                    int inLeaf = doc - leaf.docBase;
                    assertEquals(describe(expected.matches(leaf, inLeaf)), describe(actual.matches(leaf, inLeaf)), "doc " + doc);
                }
            }
        }
    }

    private static List<String> describe(Matches matches) throws IOException {
        List<String> out = new ArrayList<>();
        if (matches == null) {
            return out;
        }
        for (int round = 0; round < 2; round++) {
            MatchesIterator it = matches.getMatches("body");
            while (it != null && it.next()) {
                out.add(it.getQuery() + "@" + it.startPosition() + ":" + it.startOffset() + "-" + it.endOffset());
            }
        }
        return out;
    }
}
