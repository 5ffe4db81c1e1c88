package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** Thousands of random and mutated queries: every one is answered, within a bound, without an exception. */
class QueryFuzzTest {
    private static final long SEED = 7070L;
    private static final String[] WORDS = {"capillary", "leak", "clofarabine", "warfarin", "side", "effects", "dose",
            "mg/m2", "5-fluorouracil", "co-trimoxazole", "pregnancy", "how", "does", "it", "work", "low", "blood",
            "pressure", "INR", "QT", "a", "the", "ä", "’s", "tylenol", "metfromin", "thrombocyto", "x"};
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

    @Test
    void everyRandomQueryIsAnsweredWithinABoundWithoutAnException() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1500; i++) {
            String q = query(random);
            List<String> sections = random.nextInt(5) == 0 ? List.of(pick(random, WORDS)) : List.of();
            List<String> drugs = random.nextInt(5) == 0 ? List.of(pick(random, WORDS)) : List.of();
            SearchRequest request = new SearchRequest(q, sections, drugs, 1 + random.nextInt(100), random.nextInt(200));
            long start = System.nanoTime();
            try {
                SearchResult r = search.search(request);
                assertNotNull(r.hits());
                assertTrue(r.total() >= 0 && r.hits().size() <= request.limit());
                search.suggest(q, 8);
            } catch (Exception | StackOverflowError e) {
                fail("query " + i + " (seed " + SEED + ") " + q.replace("\n", "\\n") + " threw " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3_000, "query " + i + " took " + millis + " ms: " + q);
        }
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
