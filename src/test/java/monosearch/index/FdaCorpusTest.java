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
     * the section table the parser reads; every other 5.x heading is part of Warnings and Precautions.
     */
    private static final Map<String, String> OWN_SECTIONS = Map.ofEntries(
            Map.entry("Drug Interactions", "Drug Interactions"),
            Map.entry("Drug-Drug Interactions", "Drug Interactions"),
            Map.entry("Drug-drug Interactions", "Drug Interactions"),
            Map.entry("Drug-Laboratory Test Interactions", "Drug Interactions"),
            Map.entry("Risk of Adverse Reactions or Loss of Virologic Response Due to Drug Interactions", "Drug Interactions"),
            Map.entry("Risk of Adverse Reactions or Reduced Therapeutic Effect Due to Drug Interactions", "Drug Interactions"),
            Map.entry("Pregnancy", "Use in Specific Populations"),
            Map.entry("Use in Pregnancy", "Use in Specific Populations"),
            Map.entry("Ectopic Pregnancy", "Use in Specific Populations"),
            Map.entry("Existing Pregnancy", "Use in Specific Populations"),
            Map.entry("COC Use Before or During Early Pregnancy", "Use in Specific Populations"),
            Map.entry("Administration-Related Adverse Reactions", "Adverse Reactions"),
            Map.entry("Dermatologic Adverse Reactions", "Adverse Reactions"),
            Map.entry("Gastrointestinal Adverse Reactions", "Adverse Reactions"),
            Map.entry("Neurological Adverse Reactions", "Adverse Reactions"),
            Map.entry("Ophthalmic Adverse Reactions", "Adverse Reactions"),
            Map.entry("Other Immune-Mediated Adverse Reactions", "Adverse Reactions"),
            // Read as the section their last words name (a name before a section, as in "Amlodipine Usage"), though
            // they are warnings: listed as the parser reads them today, so a change to that rule shows here.
            Map.entry("Clinical Worsening and Adverse Effects", "Side Effects"),
            Map.entry("Concomitant Aspirin Maintenance Dose", "Dosage"),
            Map.entry("Contact Lens Use", "Usage"),
            Map.entry("Drug Products with Same Active Ingredient", "Generic Name"),
            Map.entry("Fertility Following Use", "Usage"),
            Map.entry("Growth of Resistant Organisms with Prolonged Use", "Usage"),
            Map.entry("Not for Acute Use", "Usage"),
            Map.entry("Potential Risk of Myocardial Infarction with Long-term Use", "Usage"),
            Map.entry("Repeated Use", "Usage"));

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
