package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import monosearch.testing.BundledSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Six hundred random and mutated queries: every one is answered, within a bound, and keeps an answer's promises. */
class QueryFuzzTest {
    private static final long SEED = 7070L;
    private static final String[] WORDS = {"capillary", "leak", "clofarabine", "warfarin", "side", "effects", "dose",
            "mg/m2", "5-fluorouracil", "co-trimoxazole", "pregnancy", "how", "does", "it", "work", "low", "blood",
            "pressure", "INR", "QT", "a", "the", "ä", "’s", "tylenol", "metfromin", "thrombocyto", "x"};
    /** Filters that find something (any case), and one that finds nothing. */
    private static final String[] SECTIONS = {"Side Effects", "dosage", "PRECAUTIONS", "Usage", "no such section"};
    private static final String[] DRUGS = {"warfarin", "clofarabine", "metformin", "heparin", "no-such-drug"};
    private static final String[] NOISE = {"\"", "-", "*", "**", "(", ")", "[", "]", "{", "}", "~", "^", ":", "\\", "/",
            "AND", "OR", "NOT", "+", "&&", "||", "!", "?", "%", "'", "\u0000", "\n", "\t", "\u200B", "💊", "<script>", "é"};

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

    /**
     * Each answer keeps the promises every answer makes: the page holds what the total and offset leave for it, every
     * hit passes the filters asked for, snippets are escaped, and the same request gets the same answer. The time
     * bound is far above the 2 s search budget: it catches work that grows without limit, not a slow machine.
     */
    @Test
    void everyRandomQueryIsAnsweredWithinABoundAndKeepsThePromisesOfAnAnswer() {
        Random random = new Random(SEED);
        for (int i = 0; i < 600; i++) {
            String q = query(random);
            List<String> sections = random.nextInt(5) == 0 ? List.of(pick(random, SECTIONS)) : List.of();
            List<String> drugs = random.nextInt(5) == 0 ? List.of(pick(random, DRUGS)) : List.of();
            // Mostly pages of the sizes people ask for; now and then the largest, whose snippets cost the most.
            int limit = 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 20);
            SearchRequest request = new SearchRequest(q, sections, drugs, limit, random.nextInt(200));
            String where = "query " + i + " (seed " + SEED + ") " + q.replace("\n", "\\n") + " " + sections + " " + drugs;
            long start = System.nanoTime();
            try {
                SearchResult r = search.search(request);
                assertAnswerKeepsItsPromises(request, r, where);
                if (i % 10 == 0) {
                    assertEquals(keys(r), keys(search.search(request)), "the same answer twice: " + where);
                }
                assertTrue(search.suggest(q, 8).size() <= 8, where);
            } catch (Exception | StackOverflowError e) {
                fail(where + " threw " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 20_000, where + " took " + millis + " ms");
        }
    }

    private static void assertAnswerKeepsItsPromises(SearchRequest request, SearchResult r, String where) {
        assertEquals(request.query(), r.query(), where);
        if (!r.partial()) {
            long left = Math.max(0, r.total() - request.offset());
            assertEquals(Math.min(request.limit(), left), r.hits().size(), "the page holds what is left of the total: " + where);
        }
        assertTrue(r.hits().size() <= request.limit(), where);
        for (SearchResult.Hit h : r.hits()) {
            assertTrue(request.sections().isEmpty() || request.sections().stream().anyMatch(s -> s.equalsIgnoreCase(h.section())),
                    "outside the section filter: " + h.section() + " for " + where);
            assertTrue(request.drugs().isEmpty() || request.drugs().contains(h.slug()),
                    "outside the drug filter: " + h.slug() + " for " + where);
            assertTrue(Float.isFinite(h.score()) && h.score() >= 0, where);
            assertTrue(h.url().startsWith("/monographs/" + h.slug()), h.url() + " for " + where);
            String text = h.snippet().replace("<mark>", "").replace("</mark>", "");
            assertTrue(text.indexOf('<') < 0 && text.indexOf('>') < 0, "escaped snippet: " + h.snippet() + " for " + where);
        }
        if (r.total() == 0) {
            // The section facet ignores the section filter, so with one it may offer other sections.
            assertTrue(r.hits().isEmpty() && (!request.sections().isEmpty() || r.facets().section().isEmpty()), where);
        }
    }

    private static List<String> keys(SearchResult r) {
        return r.hits().stream().map(h -> h.slug() + " " + h.path() + " #" + h.anchor()).toList();
    }

    private static String query(Random random) {
        StringBuilder q = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 8);
        for (int p = 0; p < parts && q.length() < 500; p++) {
            switch (random.nextInt(5)) {
                case 0 -> q.append(pick(random, NOISE));
                case 1 -> q.append(mutate(pick(random, WORDS), random));
                case 2 -> q.append((char) random.nextInt(0x3000));
                default -> q.append(pick(random, WORDS));
            }
            if (random.nextInt(3) > 0) {
                q.append(' ');
            }
        }
        return q.toString();
    }

    private static String mutate(String word, Random random) {
        StringBuilder w = new StringBuilder(word);
        if (w.length() > 1) {
            int at = random.nextInt(w.length());
            switch (random.nextInt(3)) {
                case 0 -> w.deleteCharAt(at);
                case 1 -> w.insert(at, (char) ('a' + random.nextInt(26)));
                default -> w.setCharAt(at, (char) ('a' + random.nextInt(26)));
            }
        }
        return w.toString();
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
