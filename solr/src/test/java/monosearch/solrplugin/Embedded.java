package monosearch.solrplugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Schema;
import monosearch.index.Scoring;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.Monograph;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** The embedded engine on the same monographs, indexed as its reindex indexes them. */
final class Embedded implements AutoCloseable {
    static final Schema.FileFacts FILE = new Schema.FileFacts("test", 1, 1);
    private final LiveIndex index;
    final SearchService search;

    Embedded(List<Monograph> monographs, Path dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(DrugTextAnalyzer.forIndexing()).setSimilarity(new Scoring());
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            for (Monograph m : monographs) {
                w.addDocuments(Schema.documents(m, FILE));
            }
            w.commit();
        }
        index = LiveIndex.open(dir, 60_000);
        search = SearchService.withDefaults(index, new Links(Links.DEFAULT_TEMPLATE));
    }

    /** The monographs of the corpus folders that exist, in folder then file order. */
    static List<Monograph> parse(List<Path> corpora) throws IOException {
        MonographParser parser = new MonographParser(SectionNames.bundled());
        List<Monograph> out = new ArrayList<>();
        for (Path dir : corpora) {
            for (CorpusFile f : new CorpusScanner(10_000_000).scan(dir).files()) {
                out.add(parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path()))).monograph());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
