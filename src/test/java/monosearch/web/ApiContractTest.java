package monosearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import monosearch.testing.RunningServer;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's field names are its own: exactly the documented ones, whatever the domain records call theirs. */
class ApiContractTest {
    @TempDir
    Path temp;

    @Test
    void theApiAnswersWithExactlyTheDocumentedFields() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        ObjectMapper json = new ObjectMapper();
        try (RunningServer server = RunningServer.start(t.index())) {
            JsonNode search = json.readTree(server.get("/api/search?q=capillary+leak").body());
            assertEquals(Set.of("query", "total", "tookMs", "hits", "facets", "suggestion", "partial"), names(search));
            assertEquals(Set.of("drug", "slug", "section", "heading", "path", "anchor", "url", "score", "snippet",
                    "pinned"),
                    names(search.get("hits").get(0)));
            assertEquals(Set.of("section"), names(search.get("facets")));
            assertEquals(Set.of("value", "count"), names(search.get("facets").get("section").get(0)));
            JsonNode suggest = json.readTree(server.get("/api/suggest?q=clo").body());
            assertEquals(Set.of("query", "suggestions"), names(suggest));
            assertEquals(Set.of("drug", "slug"), names(suggest.get("suggestions").get(0)));
            JsonNode monograph = json.readTree(server.get("/api/monographs/clofarabine").body());
            assertEquals(Set.of("drug", "slug", "source", "sections"), names(monograph));
            assertEquals(Set.of("section", "heading", "path", "anchor", "level", "text"),
                    names(monograph.get("sections").get(0)));
            assertEquals(Set.of("status", "monographs", "sections", "indexVersion", "contentVersion"),
                    names(json.readTree(server.get("/health").body())));
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
