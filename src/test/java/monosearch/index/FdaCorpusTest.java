package monosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * The 5.x headings of these labels that name a section of their own, written out here rather than looked up in
     * the section table the parser reads; every other 5.x heading is part of Warnings and Precautions, also those
     * whose last words are a section's name: "Not for Acute Use", "Contact Lens Use", "Ophthalmic Adverse Reactions",
     * "Ectopic Pregnancy" and "Risk of ... Due to Drug Interactions" are warnings.
     */
    private static final Map<String, String> OWN_SECTIONS = Map.ofEntries(
            Map.entry("Drug Interactions", "Drug Interactions"),
            Map.entry("Pregnancy", "Use in Specific Populations"));

    @Test
    void numberedSubSectionsKeepTheirLabelSectionAndBreadcrumb() throws IOException {
        Path fda = fda();
        Corpus corpus = new CorpusScanner(TestIndex.MAX_FILE_BYTES).scan(fda);
        MonographParser parser = new MonographParser(SectionNames.bundled());
        int subSections = 0;
        Map<String, Integer> ownSeen = new TreeMap<>();
        for (var f : corpus.files()) {
            ParsedMonograph parsed = parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path())));
            for (Section s : parsed.monograph().sections()) {
                if (s.heading().matches("5\\.\\d+ .*")) {
                    subSections++;
                    // The deepest known heading names the section: "5.11 Drug Interactions" is Drug Interactions.
                    String title = s.heading().replaceFirst("^5\\.\\d+ ", "");
                    String expected = OWN_SECTIONS.getOrDefault(title, "Warnings and Precautions");
                    assertEquals(expected, s.name(), f.source() + ": " + s.path());
                    if (OWN_SECTIONS.containsKey(title)) {
                        ownSeen.merge(title, 1, Integer::sum);
                    }
                    assertEquals(2, s.path().size());
                    assertEquals("Warnings and Precautions", s.path().get(0));
                }
            }
        }
        assertTrue(subSections > 500, "5.x sub-sections found: " + subSections);
        assertEquals(OWN_SECTIONS.keySet(), ownSeen.keySet(), "each named sub-section occurs: " + ownSeen);
    }
}
