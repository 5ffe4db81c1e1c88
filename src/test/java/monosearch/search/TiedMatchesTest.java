package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Schema;
import monosearch.index.Scoring;
import monosearch.monograph.Monograph;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal scores, where the first pass and the ranking window cut among them, rank the same in any index of the files. */
class TiedMatchesTest {
    /** More tied sections than the first pass keeps for a first page. */
    private static final int TIED = 130;

    @TempDir
    Path temp;

    @Test
    void twoIndexesOfTheSameFilesWrittenInAnotherOrderListAndCutTiesTheSame() throws IOException {
        List<Monograph> monographs = new ArrayList<>();
        MonographParser parser = new MonographParser(SectionNames.bundled());
        for (int i = 1; i <= TIED; i++) {
            monographs.add(monograph(parser, String.format("tied-%03d", i)));
        }
        List<Monograph> shuffled = new ArrayList<>(monographs);
        Collections.shuffle(shuffled, new Random(11));
        try (LiveIndex inOrder = index(temp.resolve("a"), monographs); LiveIndex otherOrder = index(temp.resolve("b"), shuffled)) {
            SearchService a = SearchService.withDefaults(inOrder, new Links(Links.DEFAULT_TEMPLATE));
            SearchService b = SearchService.withDefaults(otherOrder, new Links(Links.DEFAULT_TEMPLATE));
            for (int offset : new int[] {0, 10, 40}) {
                List<String> first = slugs(a.search(new SearchRequest("glimmerpox", List.of(), List.of(), 10, offset)));
                assertEquals(slugs(b.search(new SearchRequest("glimmerpox", List.of(), List.of(), 10, offset))), first, "offset " + offset);
                List<String> expected = new ArrayList<>();
                for (int i = offset + 1; i <= offset + 10; i++) {
                    expected.add(String.format("tied-%03d", i));
                }
                assertEquals(expected, first, "ties by monograph, offset " + offset);
            }
        }
    }

    private static List<String> slugs(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::slug).toList();
    }

    private static LiveIndex index(Path dir, List<Monograph> monographs) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(DrugTextAnalyzer.forIndexing()).setSimilarity(new Scoring());
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            for (Monograph m : monographs) {
                w.addDocuments(Schema.documents(m, new Schema.FileFacts(m.source(), 1, 1)));
            }
            w.commit();
        }
        return LiveIndex.open(dir, 60_000);
    }

    private static Monograph monograph(MonographParser parser, String slug) {
        String drug = "Crafted " + slug.replace('-', ' ');
        String text = "---\nlayout: minimal-medicine\ntitle: " + drug + "\n---\n\n# " + drug + "\n\n### Generic Name\n\n"
                + drug + "\n\n### Side Effects\n\nGlimmerpox may occur in some patients.\n";
        return parser.parse(slug, slug + ".md", SourceText.decode(text.getBytes(StandardCharsets.UTF_8))).monograph();
    }
}
