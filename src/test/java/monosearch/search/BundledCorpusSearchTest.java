package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.Monograph;
import monosearch.monograph.MonographParser;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.testing.BundledSearch;
import monosearch.testing.TestIndex;
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
    void everySectionThatSaysTheWordIsFoundAndCounted() throws IOException {
        // Read apart from the index: the sections of the corpus files whose text has the word as written.
        Set<String> saying = new TreeSet<>();
        MonographParser parser = new MonographParser(SectionNames.bundled());
        for (CorpusFile f : new CorpusScanner(TestIndex.MAX_FILE_BYTES).scan(TestIndex.bundledCorpus()).files()) {
            Monograph m = parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path()))).monograph();
            for (Section s : m.sections()) {
                if (s.text().toLowerCase(Locale.ROOT).matches("(?s).*\\bbleeding\\b.*")) {
                    saying.add(f.slug() + " " + s.path() + " #" + s.anchor());
                }
            }
        }
        assertTrue(saying.size() > 5, saying.toString());
        SearchResult all = search.search(SearchRequest.of("bleeding", 100));
        Set<String> found = new TreeSet<>();
        for (SearchResult.Hit h : all.hits()) {
            found.add(key(h));
        }
        assertTrue(found.containsAll(saying), "missing: " + saying.stream().filter(k -> !found.contains(k)).toList());
        assertEquals(all.hits().size(), all.total(), "total counts the sections found, all on this page");
    }

    @Test
    void eachSectionFacetCountIsWhatFilteringByItFindsAndOtherSectionsStayChoosable() throws IOException {
        SearchResult all = find("bleeding");
        assertTrue(all.facets().section().size() > 2, all.facets().toString());
        long filteredTotal = 0;
        for (SearchResult.FacetValue facet : all.facets().section()) {
            SearchResult only = search.search(new SearchRequest("bleeding", List.of(facet.value()), List.of(), 100, 0));
            assertEquals(facet.count(), only.total(), facet.value());
            assertEquals(facet.count(), only.hits().size(), facet.value());
            assertTrue(only.hits().stream().allMatch(h -> h.section().equals(facet.value())), facet.value());
            assertEquals(all.facets(), only.facets(), "section counts ignore the section filter, so others stay choosable");
            filteredTotal += only.total();
        }
        assertEquals(all.total(), filteredTotal, "every match is in exactly one section");
        SearchResult anyCase = search.search(new SearchRequest("bleeding", List.of("side effects"), List.of(), 10, 0));
        assertTrue(anyCase.total() > 0 && anyCase.hits().stream().allMatch(h -> h.section().equals("Side Effects")));
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

    @ParameterizedTest(name = "\"{0}\" in pages of {1}")
    @CsvSource({"blood, 4", "dose, 3", "bleeding, 2", "capillary leak, 5", "a, 7", "side effects, 4", "blood pressure, 3",
            "kidney impairment, 2"})
    void pagesAreDisjointAndTogetherAreTheUnpagedList(String q, int size) throws IOException {
        assertPagesMakeTheUnpagedList(q, size);
    }

    private static void assertPagesMakeTheUnpagedList(String q, int size) throws IOException {
        SearchResult unpaged = search.search(new SearchRequest(q, List.of(), List.of(), 40, 0));
        List<String> expected = unpaged.hits().stream().map(BundledCorpusSearchTest::key).toList();
        assertTrue(expected.size() > 2 * size, "enough hits for several pages: " + expected.size());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += size) {
            int limit = Math.min(size, expected.size() - offset);
            SearchResult page = search.search(new SearchRequest(q, List.of(), List.of(), limit, offset));
            assertEquals(unpaged.total(), page.total());
            for (SearchResult.Hit h : page.hits()) {
                assertFalse(paged.contains(key(h)), "offset " + offset + " repeats " + key(h));
                paged.add(key(h));
            }
        }
        assertEquals(expected, paged);
    }

    /** A hit's section: sub-sections share their heading's anchor, so the path tells them apart. */
    private static String key(SearchResult.Hit h) {
        return h.slug() + " " + h.path() + " #" + h.anchor();
    }

    /**
     * Input no query language would accept is read as the text it holds: an unclosed quote runs to the end,
     * operators are words, a one-letter prefix is the letter, punctuation and a lone exclusion find nothing.
     */
    @ParameterizedTest(name = "\"{0}\" is read as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "\"blood pressure|\"blood pressure\"",
            "AND OR NOT|and or not",
            "a*|a",
            "BLEEDING (!)|bleeding",
            "bleeding -|bleeding",
            "naïve|naive",
            "-|",
            "***|",
            "(+)&&||!{}[]^~?:\\/|",
            "-only|",
            "\"\"|",
            "∑≈√∫|"})
    void oddInputIsAnsweredAsTheTextItHolds(String q, String sameAs) throws IOException {
        SearchResult r = find(q);
        if (sameAs == null) {
            assertEquals(0, r.total(), "finds nothing: " + top(r, 3));
            assertTrue(r.hits().isEmpty());
            return;
        }
        SearchResult plain = find(sameAs);
        assertTrue(plain.total() > 0, "the plain form finds something: " + sameAs);
        assertEquals(plain.total(), r.total());
        assertEquals(plain.hits().stream().map(BundledCorpusSearchTest::key).toList(),
                r.hits().stream().map(BundledCorpusSearchTest::key).toList());
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
