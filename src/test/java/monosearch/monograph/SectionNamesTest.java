package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionNamesTest {
    private final SectionNames names = SectionNames.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "side effects|Side Effects",
            "ADVERSE EFFECTS|Side Effects",
            "Mechanism of Action|How it Works",
            "Warnings & Precautions|Warnings and Precautions",
            "5 WARNINGS AND PRECAUTIONS|Warnings and Precautions",
            "6 Adverse Reactions|Adverse Reactions",
            "Boxed Warning|Boxed Warning",
            "Dosage and Administration|Dosage"})
    void headingVariantsMapToOneCanonicalName(String heading, String canonical) {
        assertEquals(Optional.of(canonical), names.canonical(heading));
    }

    @Test
    void unknownHeadingsAreNotSections() {
        assertFalse(names.isKnown("Benidipine"));
        assertFalse(names.isKnown("5.5 Capillary Leak Syndrome"));
    }

    @Test
    void theTableIsAPlainFileWithCommentsAndAliases() throws Exception {
        SectionNames custom = SectionNames.parse("# my table\nStorage: Keeping, How to keep\n\nNotes\n");
        assertEquals(Optional.of("Storage"), custom.canonical("how to keep"));
        assertEquals(Optional.of("Notes"), custom.canonical("notes"));
        assertEquals(2, custom.canonicalNames().size());
    }
}
