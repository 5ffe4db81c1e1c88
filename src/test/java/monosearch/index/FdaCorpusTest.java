package monosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import monosearch.monograph.Corpus;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.MonographParser;
import monosearch.monograph.ParsedMonograph;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 200 real FDA labels in ../shared/corpus-fda: another structure, real clinical text. */
class FdaCorpusTest {
    @TempDir
    Path temp;

    private static Path fda() {
        Path dir = TestIndex.shared().resolve("corpus-fda");
        assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent (../shared is not beside this clone)");
        return dir;
    }

    @Test
    void everyLabelIndexesWithoutErrorsAndTheReadmeIsNotAMonograph() throws IOException {
        Path fda = fda();
        ReindexSummary s = new Reindexer(new MonographParser(SectionNames.bundled()), Reindexer.Progress.NONE)
                .run(new Reindexer.Options(fda, temp.resolve("index"), false, TestIndex.MAX_FILE_BYTES, 2));
        assertEquals(200, s.seen());
        assertEquals(200, s.added());
        assertTrue(s.skipped().isEmpty(), s.skipped().toString());
        assertTrue(s.sections() > 1000, "numbered sub-sections become sections of their own: " + s.sections());
    }

    @Test
    void numberedSubSectionsKeepTheirLabelSectionAndBreadcrumb() throws IOException {
        Path fda = fda();
        Corpus corpus = new CorpusScanner(TestIndex.MAX_FILE_BYTES).scan(fda);
        SectionNames names = SectionNames.bundled();
        MonographParser parser = new MonographParser(names);
        int subSections = 0;
        for (var f : corpus.files()) {
            ParsedMonograph parsed = parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path())));
            for (Section s : parsed.monograph().sections()) {
                if (s.heading().matches("5\\.\\d+ .*")) {
                    subSections++;
                    // The deepest known heading names the section: "5.11 Drug Interactions" is Drug Interactions.
                    String expected = names.canonical(s.heading()).orElse("Warnings and Precautions");
                    assertEquals(expected, s.name(), f.source() + ": " + s.path());
                    assertEquals(2, s.path().size());
                    assertEquals("Warnings and Precautions", s.path().get(0));
                }
            }
        }
        assertTrue(subSections > 500, "5.x sub-sections found: " + subSections);
    }
}
