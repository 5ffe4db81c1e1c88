package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;

/** The real seed monograph from ../shared/seeds, as the site publishes it. */
class SeedMonographTest {

    @Test
    void theSeedParsesIntoItsSectionsWithTheDoubleDecodedTextRepaired() throws IOException {
        Path seed = TestIndex.shared().resolve("seeds/clofarabine.md");
        assumeTrue(Files.isRegularFile(seed), "skipped: " + seed + " is absent (../shared is not beside this clone)");
        ParsedMonograph parsed = new MonographParser(SectionNames.bundled())
                .parse("clofarabine", "c/clofarabine.md", SourceText.decode(Files.readAllBytes(seed)));
        Monograph m = parsed.monograph();
        assertEquals("Clofarabine", m.drug());
        assertEquals(List.of("Generic Name", "Usage", "Dosage", "Side Effects", "How it Works", "Precautions", "FAQs", "Disclaimer"),
                m.sections().stream().map(Section::name).toList());
        Section dosage = m.sections().get(2);
        assertTrue(dosage.text().contains("52 mg/m²/day"), dosage.text());
        assertFalse(m.sections().stream().anyMatch(s -> s.text().contains("Â") || s.text().contains("**")));
        Section effects = m.sections().get(3);
        assertEquals("side-effects", effects.anchor());
        assertTrue(effects.text().contains("\nCapillary leak syndrome\n"), "list items stay on lines of their own");
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("decoded twice")));
    }
}
