package monosearch.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import monosearch.monograph.Corpus;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.MonographParser;
import monosearch.monograph.Section;
import monosearch.monograph.SourceText;
import monosearch.monograph.UnusableFileException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The plain alternative monosearch is measured against: the same sections, StandardAnalyzer, BM25 over the
 * body text only, the query's words OR-ed. What a developer gets from Lucene out of the box.
 */
public final class BaselineIndex implements Closeable {
    private static final String BODY = "body";
    private static final String KEY = "key";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    private BaselineIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    public static BaselineIndex build(Path corpus, Path indexDir, MonographParser parser, long maxFileBytes) throws IOException {
        Corpus found = new CorpusScanner(maxFileBytes).scan(corpus);
        Directory dir = FSDirectory.open(indexDir);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (CorpusFile f : found.files()) {
                List<Section> sections;
                try {
                    sections = parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path())))
                            .monograph().sections();
                } catch (UnusableFileException e) {
                    continue;
                }
                for (Section s : sections) {
                    Document d = new Document();
                    d.add(new TextField(BODY, s.text(), Field.Store.NO));
                    d.add(new StoredField(KEY, JudgedQuery.key(f.slug(), s.name())));
                    writer.addDocument(d);
                }
            }
            writer.commit();
        }
        return new BaselineIndex(dir);
    }

    public Ranker ranker() {
        return query -> {
            List<String> out = new ArrayList<>();
            try {
                var parsed = new QueryParser(BODY, analyzer).parse(QueryParser.escape(query));
                Set<String> keys = new LinkedHashSet<>();
                for (ScoreDoc sd : searcher.search(parsed, 50).scoreDocs) {
                    keys.add(searcher.storedFields().document(sd.doc).get(KEY));
                }
                out.addAll(keys);
            } catch (ParseException e) {
                // The baseline cannot read this query at all: it answers nothing.
            }
            return out;
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
