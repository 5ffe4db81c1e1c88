package monosearch.search;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache over a real index: what it answers, for how long, and within how much memory. */
class ResultCacheTest {
    @TempDir
    Path temp;

    private TestIndex corpus() throws Exception {
        TestIndex t = new TestIndex(temp)
                .write("a/alphadrine.md", monograph("Alphadrine", "Usage", "Invented for this test: eases headache.",
                        "Side Effects", "Headache and nausea."))
                .write("b/betadrine.md", monograph("Betadrine", "Usage", "Also invented.", "Side Effects", "Nausea."));
        t.reindex();
        return t;
    }

    private static SearchService service(LiveIndex live, ResultCache cache) {
        return new SearchService(live, Synonyms.bundled(), SectionIntents.bundled(), new Links(null),
                SearchService.DEFAULT_BUDGET_MILLIS, cache);
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheWithTheSameAnswer() throws Exception {
        TestIndex t = corpus();
        ResultCache cache = new ResultCache(1 << 20);
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchService search = service(live, cache);
            SearchResult first = search.search(SearchRequest.of("nausea", 10));
            SearchResult again = search.search(SearchRequest.of("nausea", 10));
            assertEquals(new ResultCache.Stats(1, 1, 0, 1, cache.stats().bytes(), 1 << 20), cache.stats());
            assertEquals(first.hits(), again.hits());
            assertEquals(first.facets(), again.facets());
            assertEquals(first.total(), again.total());
            assertEquals(new SearchResult.Timings(0, 0, 0, 0), again.timings(), "no phase ran for the cached answer");
        }
    }

    @Test
    void theTextAsTypedAndEveryFilterArePartOfTheKey() throws Exception {
        TestIndex t = corpus();
        ResultCache cache = new ResultCache(1 << 20);
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchService search = service(live, cache);
            search.search(SearchRequest.of("alphadri", 10));
            search.search(SearchRequest.of("alphadri ", 10));
            search.search(SearchRequest.of("Alphadri", 10));
            search.search(SearchRequest.of("alphadri", 5));
            search.search(new SearchRequest("alphadri", List.of("Usage"), List.of(), 10, 0));
            search.search(new SearchRequest("alphadri", List.of(), List.of("betadrine"), 10, 0));
            search.search(new SearchRequest("alphadri", List.of(), List.of(), 10, 1));
            assertEquals(0, cache.stats().hits());
            assertEquals(7, cache.stats().entries());
        }
    }

    @Test
    void aNewIndexVersionIsNeverAnsweredFromTheOldOne() throws Exception {
        TestIndex t = corpus();
        ResultCache cache = new ResultCache(1 << 20);
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchService search = service(live, cache);
            assertEquals(2, search.search(SearchRequest.of("nausea", 10)).total());
            t.write("c/gammadrine.md", monograph("Gammadrine", "Side Effects", "Nausea, rarely."));
            t.reindex();
            live.refresh();
            assertEquals(3, search.search(SearchRequest.of("nausea", 10)).total());
            assertEquals(0, cache.stats().hits());
            assertEquals(1, cache.stats().entries(), "the old version's answers are gone");
        }
    }

    @Test
    void newQueryTablesEmptyTheCache() throws Exception {
        TestIndex t = corpus();
        ResultCache cache = new ResultCache(1 << 20);
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            service(live, cache).search(SearchRequest.of("nausea", 10));
            SearchService reloaded = service(live, cache);
            assertEquals(0, cache.stats().entries());
            reloaded.search(SearchRequest.of("nausea", 10));
            assertEquals(0, cache.stats().hits());
        }
    }

    @Test
    void theCacheStaysWithinItsMemoryDroppingTheLeastRecentlyUsedFirst() throws Exception {
        TestIndex t = corpus();
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchResult one = service(live, ResultCache.off()).search(SearchRequest.of("nausea", 10));
            long size = ResultCache.sizeOf(SearchRequest.of("nausea", 10), one);
            ResultCache cache = new ResultCache(size * 2 + size / 2);
            SearchService search = service(live, cache);
            search.search(SearchRequest.of("nausea", 10));
            search.search(SearchRequest.of("Nausea", 10));
            search.search(SearchRequest.of("nausea", 10));
            search.search(SearchRequest.of("NAUSEA", 10));
            assertEquals(List.of("nausea", "NAUSEA"), cache.queriesHeld(), "Nausea was the least recently used");
            assertEquals(1, cache.stats().evictions());
            assertTrue(cache.stats().bytes() <= cache.stats().maxBytes(), cache.toString());
        }
    }

    @Test
    void anAnswerCutShortByTheTimeBudgetIsNeverKept() {
        ResultCache cache = new ResultCache(1 << 20);
        SearchRequest request = SearchRequest.of("nausea", 10);
        SearchResult partial = new SearchResult("nausea", 3, 2000, List.of(), new SearchResult.Facets(List.of()), null,
                true, new SearchResult.Timings(0, 0, 0, 0));
        cache.put(7, request, partial);
        assertNull(cache.get(7, request));
        assertEquals(0, cache.stats().entries());
    }

    @Test
    void aCacheOfNoBytesKeepsNothingAndANegativeOneIsRefused() throws Exception {
        TestIndex t = corpus();
        ResultCache off = ResultCache.off();
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchService search = service(live, off);
            search.search(SearchRequest.of("nausea", 10));
            search.search(SearchRequest.of("nausea", 10));
        }
        assertEquals(new ResultCache.Stats(0, 0, 0, 0, 0, 0), off.stats());
        assertThrows(IllegalArgumentException.class, () -> new ResultCache(-1));
    }
}
