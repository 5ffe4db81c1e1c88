package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.BundledSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a query is read, end to end on the bundled corpus: drugs, questions, purposes, words being typed. */
class QueryReadingTest {
    @TempDir
    static Path temp;
    static BundledSearch bundled;

    @BeforeAll
    static void open() throws IOException {
        bundled = BundledSearch.create(temp);
    }

    @AfterAll
    static void close() throws IOException {
        bundled.close();
    }

    private static SearchResult find(String q) throws IOException {
        return bundled.search().search(SearchRequest.of(q, 10));
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "is ibuprofen ok in pregnancy|ibuprofen|Precautions",
            "how long does amoxicillin stay in the body|amoxicillin|How it Works",
            "what is amoxicillin|amoxicillin|Usage",
            "can i take ibuprofen with warfarin|ibuprofen|Precautions",
            "tylenol|paracetamol|Usage",
            "lasix|furosemide|Usage",
            "side effects of amlodipine|amlodipine|Side Effects",
            "treatment of heart failure|lisinopril|Usage",
            "capillary le|clofarabine|Side Effects",
            "drugs that cause hair loss|vincristine|Side Effects",
            "medicines that can cause a cough|lisinopril|Side Effects",
            "lithium with diuretics|lithium|Precautions",
            "is warfarin an anticoagulant|warfarin|Usage",
            "drugs used in gout|allopurinol|Usage",
            "when should i take omeprazole|omeprazole|Dosage",
            "puffy face|dinutuximab|Side Effects",
            "paracetamol vs ibuprofen|ibuprofen|Usage",
            "omeprazole 20mg|omeprazole|Dosage",
            "blood pressure tablets|lisinopril|Usage",
            "metformi|metformin|Usage"})
    void aQueryOpensOnTheSectionItAsksAbout(String query, String slug, String section) throws IOException {
        SearchResult.Hit first = find(query).hits().get(0);
        assertEquals(slug + "/" + section, first.slug() + "/" + first.section(), query);
    }

    @Test
    void aQuestionNamingADrugFindsOnlyThatDrugWhateverTheWordsAroundIt() throws IOException {
        SearchResult r = find("is ibuprofen really ok to take when i am pregnant");
        assertTrue(r.total() > 0, "a drug named never ends with nothing");
        assertTrue(r.hits().stream().allMatch(h -> h.slug().equals("ibuprofen")), r.hits().toString());
    }

    @Test
    void twoDrugsNamedFindBothDrugsAndNoOther() throws IOException {
        List<String> slugs = find("warfarin and ibuprofen").hits().stream().map(SearchResult.Hit::slug).distinct().toList();
        assertEquals(List.of("ibuprofen", "warfarin"), slugs.stream().sorted().toList());
    }

    @Test
    void aPurposeQueryAnswersWithIndicationsNotTheTemplateWords() throws IOException {
        SearchResult r = find("drugs for angina");
        assertTrue(r.total() > 0);
        assertTrue(r.hits().stream().allMatch(h -> h.section().equals("Usage")), r.hits().toString());
        assertTrue(r.hits().stream().allMatch(h -> h.snippet().toLowerCase().contains("<mark>angina")), r.hits().toString());
    }

    @Test
    void aLayNameForAKindOfDrugFindsWhatTheDrugsOfThatKindAreFor() throws IOException {
        List<String> water = find("water tablets").hits().stream().limit(3).map(h -> h.slug() + "/" + h.section()).sorted().toList();
        assertEquals(List.of("furosemide/Usage", "hydrochlorothiazide/Usage", "spironolactone/Usage"), water);
        assertEquals("Usage", find("allergy tablets").hits().get(0).section());
    }

    @Test
    void aHalfTypedLastWordIsNeverCompletedIntoAFillerWord() throws IOException {
        SearchResult r = find("bleeding th");
        assertTrue(r.total() > 0);
        for (SearchResult.Hit h : r.hits()) {
            assertTrue(!h.snippet().matches("(?is).*<mark>(the|that|this|then|than|there|these|they)</mark>.*"), h.snippet());
        }
    }

    @Test
    void wordsThatStandTogetherNowhereFindNothing() throws IOException {
        assertEquals(0, find("qwzxv blorfenstat").total());
        assertEquals(0, find("best pizza near me").total());
    }

    @Test
    void aBrandSynonymThatMatchedIsNeverOfferedAsATypo() throws IOException {
        SearchResult r = find("lasix");
        assertTrue(r.total() > 0);
        assertNull(r.suggestion());
    }

    @Test
    void aDrugNameBeingTypedIsCompletedNotMisreadAndAPhraseBeingTypedIsNotCorrected() throws IOException {
        assertEquals("metformin", find("metformi").suggestion());
        assertNull(find("capillary le").suggestion());
    }
}
