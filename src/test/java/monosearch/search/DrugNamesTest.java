package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DrugNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Ibuprofen", "Caffeine + Cetirizine", "A + B + C", "Vitamin B+C", "Amlodipine+Benazepril",
            "Calcium + Vitamin D3 + Zinc", "C++ +", "Levothyroxine/ T4", "Ephedrine (Systemic)", "x +  y"})
    void theIngredientCountRankingUsesAgreesWithTheSplit(String name) {
        assertEquals(DrugNames.ingredients(name).size(), DrugNames.ingredientCount(name), name);
    }

    private static final DrugNames NAMES = new DrugNames(List.of(
            new DrugNames.Drug("Ephedrine (Systemic)", "ephedrine-systemic"),
            new DrugNames.Drug("Acetaminophen [paracetamol]", "acetaminophen-paracetamol"),
            new DrugNames.Drug("Levothyroxine/ T4", "levothyroxine-t4"),
            new DrugNames.Drug("Caffeine + Cetirizine", "caffeine-cetirizine")));

    @Test
    void aNameWithoutItsQualifierABracketedNameAndEachSideOfASlashNameTheDrug() {
        assertEquals("ephedrine-systemic", only(NAMES.mentionsIn(List.of("ephedrine", "dose"))));
        assertEquals("acetaminophen-paracetamol", only(NAMES.mentionsIn(List.of("paracetamol"))));
        assertEquals("levothyroxine-t4", only(NAMES.mentionsIn(List.of("levothyroxine"))));
    }

    @Test
    void anIngredientOfACombinationIsADrugNameWithNoMonographOfItsOwn() {
        List<DrugNames.Mention> m = NAMES.mentionsIn(List.of("cetirizine", "drowsiness"));
        assertEquals(1, m.size());
        assertTrue(m.get(0).own().isEmpty(), "only the combination carries it");
        assertEquals(List.of("cetirizine"), m.get(0).words());
    }

    private static String only(List<DrugNames.Mention> mentions) {
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(1, mentions.get(0).own().size(), mentions.toString());
        return mentions.get(0).own().get(0).slug();
    }
}
