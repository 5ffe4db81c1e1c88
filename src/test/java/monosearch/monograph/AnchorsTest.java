package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorsTest {

    @ParameterizedTest(name = "\"{0}\" → #{1}")
    @CsvSource(delimiter = '|', value = {
            "Side Effects|side-effects",
            "Side Effects:|side-effects",
            "How it Works|how-it-works",
            "FAQs|faqs",
            "5.5 Capillary Leak Syndrome|55-capillary-leak-syndrome",
            "Generic Name: Caffeine + Cetirizine|generic-name-caffeine--cetirizine",
            "Q&A (for patients)|qa-for-patients",
            "Use in snake_case|use-in-snake_case",
            "Pregnancy – Category D|pregnancy--category-d",
            "Café Crème|café-crème"})
    void anchorsFollowTheGithubRule(String heading, String anchor) {
        assertEquals(anchor, new Anchors().next(heading));
    }

    @Test
    void repeatedAnchorsAreNumberedFromOne() {
        Anchors anchors = new Anchors();
        assertEquals("usage", anchors.next("Usage"));
        assertEquals("usage-1", anchors.next("Usage"));
        assertEquals("usage-2", anchors.next("Usage:"));
        assertEquals("dosage", anchors.next("Dosage"));
    }
}
