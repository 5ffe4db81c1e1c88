package monosearch.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.Monograph;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.testing.TestIndex;

/** The parsed monographs of the corpora that equivalence tests run over, with each file's raw text. */
final class CorpusSections {
    record Parsed(CorpusFile file, String raw, Monograph monograph) {
    }

    private CorpusSections() {
    }

    static List<Parsed> bundled() throws IOException {
        return parse(TestIndex.bundledCorpus());
    }

    /** The 200 FDA labels in ../shared/corpus-fda; the calling test is skipped, saying why, when they are absent. */
    static List<Parsed> fda() throws IOException {
        Path dir = TestIndex.shared().resolve("corpus-fda");
        assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent (../shared is not beside this clone)");
        return parse(dir);
    }

    private static List<Parsed> parse(Path dir) throws IOException {
        MonographParser parser = new MonographParser(SectionNames.bundled());
        List<Parsed> out = new ArrayList<>();
        for (CorpusFile f : new CorpusScanner(TestIndex.MAX_FILE_BYTES).scan(dir).files()) {
            SourceText text = SourceText.decode(Files.readAllBytes(f.path()));
            out.add(new Parsed(f, text.text(), parser.parse(f.slug(), f.source(), text).monograph()));
        }
        return out;
    }
}
