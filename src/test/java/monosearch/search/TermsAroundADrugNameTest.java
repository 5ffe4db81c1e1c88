package monosearch.search;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drug's name inside a term that many other monographs write is a word of the term, not the drug asked about. */
class TermsAroundADrugNameTest {
    @TempDir
    static Path temp;
    static LiveIndex index;
    static SearchService search;

    @BeforeAll
    static void open() throws Exception {
        TestIndex t = new TestIndex(temp)
                .write("p/potassium.md", monograph("Potassium",
                        "Usage", "Potassium treats low potassium in the blood.",
                        "Precautions", "Too much potassium harms the heart."));
        for (int i = 0; i < QueryUnderstanding.TERM_MIN_SECTIONS + 2; i++) {
            t.write("d/drug" + i + ".md", monograph("Drug" + i,
                    "How it Works", "It acts on potassium channels of nerve cells."));
        }
        t.write("n/nicorandil.md", monograph("Nicorandil",
                "How it Works", "Nicorandil is a potassium channel opener that widens the coronary arteries."));
        t.reindex();
        index = LiveIndex.open(t.index(), 0);
        search = SearchService.withDefaults(index, new Links(null));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void aDrugNameFollowedByAWordThatOftenStandsWithItIsPartOfATermEvenWhenTheWholeQueryIsRare() throws IOException {
        SearchResult r = search.search(SearchRequest.of("potassium channel opener", 10));
        assertTrue(r.total() > 0);
        assertEquals("nicorandil/How it Works", r.hits().get(0).slug() + "/" + r.hits().get(0).section());
    }
}
