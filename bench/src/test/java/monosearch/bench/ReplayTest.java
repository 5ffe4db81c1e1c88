package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The replay: what the search page sends while someone types, and Zipf-like repetition of whole queries. */
class ReplayTest {
    @Test
    void typingSendsTheTrimmedBoxAfterEveryKeystrokeAsThePageDoes() {
        assertEquals(List.of("a", "ab", "ab", "ab c"), Replay.typing("ab c"));
        assertEquals(List.of("x"), Replay.typing(" x"));
    }

    @Test
    void theReplayRepeatsPopularSearchesAndTypesPrefixesOfTheSameQueries() {
        List<BenchQuery> queries = QuerySet.generate(Vocabulary.bundled(), 42, 40);
        Replay.Traffic t = Replay.build(queries, 42, 2000);
        assertEquals(t, Replay.build(queries, 42, 2000), "deterministic");
        assertEquals(2000, t.sessions());
        assertTrue(t.typed() > 800 && t.typed() < 1200, "about half typed: " + t.typed());
        assertTrue(t.distinctSearch() < t.searches() / 4, t.distinctSearch() + " of " + t.searches());
        Set<String> texts = queries.stream().map(BenchQuery::text).map(String::strip).collect(Collectors.toSet());
        int searches = 0;
        for (String path : t.paths()) {
            String q = URLDecoder.decode(path.replaceAll("^/api/(search|suggest)\\?q=([^&]*)&.*$", "$2"), StandardCharsets.UTF_8);
            assertTrue(texts.stream().anyMatch(text -> text.startsWith(q)), path);
            if (path.startsWith("/api/search?")) {
                searches++;
                assertTrue(path.endsWith("&limit=20&offset=0"), path);
            } else {
                assertTrue(path.startsWith("/api/suggest?") && q.length() >= 2 && path.endsWith("&limit=6"), path);
            }
        }
        assertEquals(t.searches(), searches);
        // The most popular query is asked far more often than a query of the middle ranks.
        long top = t.paths().stream().filter(p -> p.startsWith("/api/search?")).collect(
                Collectors.groupingBy(p -> p, Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(top > 2000 / queries.size() * 5, "most asked: " + top);
    }
}
