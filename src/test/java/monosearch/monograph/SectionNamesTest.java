package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
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

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Cefixime Usage|Usage",
            "Ilaprazole: Usage|Usage",
            "Biotin (Vitamin B7) Usage|Usage",
            "Loratadine Side Effects|Side Effects",
            "Alprazolam (Generic Name)|Generic Name",
            "How it Works (Individual Components)|How it Works"})
    void aTopLevelHeadingNamesItsSectionAfterAnIngredientOrThroughAQualifier(String heading, String canonical) {
        assertEquals(Optional.of(canonical), names.canonical(heading));
    }

    /** Paths as "Parent > Child": the section the deepest heading belongs to. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Warnings and Precautions > 5.1 Not for Acute Use|Warnings and Precautions",
            "Warnings and Precautions > 5.2 Contact Lens Use|Warnings and Precautions",
            "Warnings and Precautions > 5.3 Ophthalmic Adverse Reactions|Warnings and Precautions",
            "Warnings and Precautions > 5.2 Concomitant Aspirin Maintenance Dose|Warnings and Precautions",
            "Adverse Reactions > 6.2 Other Adverse Reactions|Adverse Reactions",
            "Cefixime Usage > Repeated Use|Usage"})
    void underAHeadingThatNamesASectionTheLastWordsOfASubHeadingDoNotMoveIt(String path, String canonical) {
        assertEquals(Optional.of(canonical), names.canonical(path(path)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Warnings and Precautions > 5.4 Drug Interactions|Drug Interactions",
            "Warnings and Precautions > 5.13 Pregnancy|Use in Specific Populations",
            "Precautions > Side Effects (Individual Drugs)|Side Effects",
            "Benidipine > Side Effects|Side Effects"})
    void aSubHeadingThatIsASectionsNameNamesThatSection(String path, String canonical) {
        assertEquals(Optional.of(canonical), names.canonical(path(path)));
    }

    @Test
    void aPathWhereNoHeadingNamesASectionHasNone() {
        assertEquals(Optional.empty(), names.canonical(List.of("Benidipine", "Hypotension")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Dosage, Side Effects and FAQs",
            "Loratadine: Usage, Dosage, Precautions",
            "Combined Use and Precautions"})
    void aHeadingThatListsSeveralSectionsIsNotReadAsItsLastOne(String heading) {
        assertEquals(Optional.empty(), names.canonical(heading));
    }

    private static List<String> path(String path) {
        return Arrays.stream(path.split(">")).map(String::strip).toList();
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
