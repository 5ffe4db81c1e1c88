package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import monosearch.testing.BundledSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search behaviour over the sample corpus the project ships. */
class BundledCorpusSearchTest {
    @TempDir
    static Path temp;
    static BundledSearch bundled;
    static SearchService search;

    @BeforeAll
    static void open() throws IOException {
        bundled = BundledSearch.create(temp);
        search = bundled.search();
    }

    @AfterAll
    static void close() throws IOException {
        bundled.close();
    }

    private static SearchResult find(String q) throws IOException {
        return search.search(SearchRequest.of(q, 10));
    }

    private static String top(SearchResult r, int n) {
        return r.hits().stream().limit(n).map(h -> h.slug() + "/" + h.section()).collect(Collectors.joining(", "));
    }

    @Test
    void capillaryLeakFindsClofarabineSideEffectsInTheTopThreeAndMarksThePhraseInEverySnippet() throws IOException {
        SearchResult r = find("capillary leak");
        assertTrue(top(r, 3).contains("clofarabine/Side Effects"), top(r, 3));
        for (SearchResult.Hit h : r.hits()) {
            assertTrue(h.snippet().toLowerCase().contains("<mark>capillary leak</mark>"), h.slug() + ": " + h.snippet());
        }
        SearchResult.Hit clofarabine = r.hits().stream().filter(h -> h.slug().equals("clofarabine")).findFirst().orElseThrow();
        assertEquals("/monographs/clofarabine#side-effects", clofarabine.url());
    }

    @ParameterizedTest(name = "\"{0}\" puts {1} first")
    @CsvSource(delimiter = '|', value = {
            "clofarabine side effects|clofarabine/Side Effects",
            "dose of metformin|metformin/Dosage",
            "metformin dosing|metformin/Dosage",
            "how does warfarin work|warfarin/How it Works",
            "clofarabin dose|clofarabine/Dosage"})
    void aDrugAndASectionNamedTogetherPutThatSectionFirst(String query, String expected) throws IOException {
        SearchResult r = find(query);
        assertEquals(expected, r.hits().get(0).slug() + "/" + r.hits().get(0).section(), top(r, 5));
    }

    @Test
    void aMisspelledDrugNameStillFindsTheDrugAndSuggestsTheSpelling() throws IOException {
        SearchResult r = find("clofarabin");
        assertEquals("clofarabine", r.hits().get(0).slug());
        assertEquals("clofarabine", r.suggestion());
    }

    @Test
    void aCorrectlySpelledQueryGetsNoSuggestion() throws IOException {
        assertNull(find("warfarin").suggestion());
    }

    @Test
    void theSectionFacetCountsEveryMatchAndFiltersNarrowTheResults() throws IOException {
        SearchResult all = find("bleeding");
        long sum = all.facets().section().stream().mapToLong(SearchResult.FacetValue::count).sum();
        assertEquals(all.total(), sum);
        SearchResult onlySideEffects = search.search(new SearchRequest("bleeding", List.of("side effects"), List.of(), 10, 0));
        Map<String, Long> counts = all.facets().section().stream()
                .collect(Collectors.toMap(SearchResult.FacetValue::value, SearchResult.FacetValue::count));
        assertEquals(counts.get("Side Effects"), onlySideEffects.total());
        assertTrue(onlySideEffects.hits().stream().allMatch(h -> h.section().equals("Side Effects")));
        assertEquals(all.facets(), onlySideEffects.facets(), "section counts ignore the section filter, so others stay choosable");
    }

    @Test
    void aDrugFilterKeepsOnlyThatDrug() throws IOException {
        SearchResult r = search.search(new SearchRequest("bleeding", List.of(), List.of("warfarin"), 10, 0));
        assertTrue(r.total() > 0);
        assertTrue(r.hits().stream().allMatch(h -> h.slug().equals("warfarin")));
    }

    @Test
    void quotedPhrasesExclusionsAndPrefixesWork() throws IOException {
        SearchResult phrase = find("\"blood pressure\"");
        assertTrue(phrase.hits().stream().allMatch(h -> h.snippet().toLowerCase().contains("<mark>blood pressure</mark>")));
        SearchResult withoutWarfarin = find("bleeding -warfarin");
        assertTrue(withoutWarfarin.total() > 0);
        assertTrue(withoutWarfarin.hits().stream().noneMatch(h -> h.slug().equals("warfarin")));
        assertTrue(find("thrombocyto*").total() > 0);
        assertTrue(find("capillary le").hits().stream().anyMatch(h -> h.slug().equals("clofarabine")),
                "the last word matches as a prefix while typing");
    }

    @Test
    void atMostThreeSectionsOfOneDrugFillTheFirstPageUnlessTheQueryNamesIt() throws IOException {
        SearchResult r = find("blood");
        Map<String, Long> perDrug = r.hits().stream().collect(Collectors.groupingBy(SearchResult.Hit::slug, Collectors.counting()));
        assertTrue(perDrug.values().stream().allMatch(n -> n <= 3), perDrug.toString());
        SearchResult named = find("warfarin");
        assertTrue(named.hits().stream().filter(h -> h.slug().equals("warfarin")).count() > 3);
    }

    @Test
    void aQueryThatIsJustADrugNameReturnsItsSectionsUsageFirst() throws IOException {
        SearchResult r = find("Metformin");
        assertTrue(r.hits().stream().allMatch(h -> h.slug().equals("metformin")), top(r, 10));
        assertEquals("Usage", r.hits().get(0).section());
    }

    @Test
    void paginationReturnsTheNextHitsWithoutRepeats() throws IOException {
        SearchResult first = search.search(new SearchRequest("blood", List.of(), List.of(), 5, 0));
        SearchResult second = search.search(new SearchRequest("blood", List.of(), List.of(), 5, 5));
        assertEquals(first.total(), second.total());
        assertEquals(5, second.hits().size());
        for (SearchResult.Hit h : second.hits()) {
            assertTrue(first.hits().stream().noneMatch(f -> f.slug().equals(h.slug()) && f.anchor().equals(h.anchor())
                    && f.heading().equals(h.heading())), h.toString());
        }
    }

    @ParameterizedTest(name = "query \"{0}\" does not fail")
    @CsvSource(delimiter = '|', value = {"\"unclosed phrase", "-", "***", "a*", "(+)&&||!{}[]^~?:\\/", "-only", "\"\"", "AND OR NOT", "∑≈ç√∫"})
    void anyInputIsAnAnswerNeverAnError(String q) throws IOException {
        SearchResult r = find(q);
        assertNotNull(r.hits());
        assertTrue(r.total() >= 0);
    }

    @Test
    void drugNameSuggestionsMatchAPrefixOfAnyWordAndToleratesATypo() throws IOException {
        assertEquals("clofarabine", search.suggest("clo", 8).get(0).slug());
        assertTrue(search.suggest("cetiri", 8).stream().anyMatch(d -> d.slug().equals("caffeine-cetirizine")),
                "a word inside a combination's name");
        assertTrue(search.suggest("metfromin", 8).stream().anyMatch(d -> d.slug().equals("metformin")), "one typo from 5 letters");
        assertTrue(search.suggest("zzzz", 8).isEmpty());
    }

    @Test
    void aMonographIsRebuiltFromTheIndexInOrder() throws IOException {
        var m = search.monograph("clofarabine").orElseThrow();
        assertEquals("Clofarabine", m.drug());
        assertEquals("c/clofarabine.md", m.source());
        assertEquals("Generic Name", m.sections().get(0).name());
        for (int i = 0; i < m.sections().size(); i++) {
            assertEquals(i, m.sections().get(i).position());
        }
        assertTrue(search.monograph("no-such-drug").isEmpty());
    }
}
