package monosearch.solrplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Solr backend ranks as the embedded engine does, on the bundled corpus and the FDA labels. */
@ExtendWith(SharedCorpus.class)
class RankingParityTest {
    private final Cluster cluster;
    private final Embedded embedded;
    private final boolean withFda;

    RankingParityTest(SharedCorpus.Indexed indexed) {
        cluster = indexed.cluster;
        embedded = indexed.embedded;
        withFda = indexed.withFda;
    }

    @Test
    void theTopTenOfEveryJudgedQueryIsTheEmbeddedEnginesAndSoAreTheFigures() throws Exception {
        List<Judged> judged = Judged.load(Cluster.sibling("src/test/resources/relevance/judgments.tsv"), withFda);
        int same = 0;
        double p1Embedded = 0;
        double p1Solr = 0;
        double mrrEmbedded = 0;
        double mrrSolr = 0;
        List<String> differing = new ArrayList<>();
        // Both engines answer several queries at once, as a served engine does; the figures do not depend on it.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<List<String>>>> answers = new ArrayList<>();
        for (Judged j : judged) {
            answers.add(pool.submit(() -> List.of(embeddedTop(j.query()), solrTop(j.query()))));
        }
        pool.shutdown();
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            List<String> mine = answers.get(i).get().get(0);
            List<String> solr = answers.get(i).get().get(1);
            if (mine.equals(solr)) {
                same++;
            } else {
                differing.add(j.query() + "\n  embedded " + mine + "\n  solr     " + solr);
            }
            p1Embedded += j.precisionAt1(mine);
            p1Solr += j.precisionAt1(solr);
            mrrEmbedded += j.reciprocalRank(mine);
            mrrSolr += j.reciprocalRank(solr);
        }
        int n = judged.size();
        System.out.printf("parity: %d of %d judged queries with the same top 10; Drug@1 embedded %.3f solr %.3f; "
                + "drug MRR@10 embedded %.3f solr %.3f%n", same, n, p1Embedded / n, p1Solr / n, mrrEmbedded / n, mrrSolr / n);
        differing.forEach(d -> System.out.println("differs: " + d));
        assertTrue(n >= 100, "judged queries read: " + n);
        // The same ranking code on one index's statistics, ties broken by monograph and position on both sides:
        // every list is the same, not merely most (the issue asks for 95 %).
        assertEquals(n, same, same + " of " + n + " identical top 10 lists:\n" + String.join("\n", differing));
        assertEquals(p1Embedded / n, p1Solr / n, 1e-9);
        assertEquals(mrrEmbedded / n, mrrSolr / n, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{!lucene}*:*", "*:*", "slug:metformin OR id:x", "body:[a TO z]", "{!func}1", "metformin^100 _query_:\"{!lucene}*:*\""})
    void userTextWithSolrSyntaxIsTextAsInTheEmbeddedEngine(String query) throws Exception {
        SearchResult mine = embedded.search.search(new SearchRequest(query, List.of(), List.of(), 10, 0));
        SolrSearch.Page solr = SolrSearch.search(cluster.client(), query, 0, 10);
        assertEquals(mine.total(), solr.total(), "total of " + query);
        assertEquals(embeddedTop(query), solrTop(query));
        long all = embedded.search.stats().sections();
        assertTrue(solr.total() < all, query + " matched every section");
    }

    @Test
    void snippetsAreTheEmbeddedEnginesOwn() throws Exception {
        SearchResult mine = embedded.search.search(new SearchRequest("lactic acidosis", List.of(), List.of(), 10, 0));
        SolrSearch.Page solr = SolrSearch.search(cluster.client(), "lactic acidosis", 0, 10);
        assertEquals(mine.hits().stream().map(SearchResult.Hit::snippet).toList(),
                solr.hits().stream().map(SolrSearch.Hit::snippet).toList());
        assertTrue(mine.hits().get(0).snippet().contains("<mark>"), mine.hits().get(0).snippet());
    }

    private List<String> embeddedTop(String query) throws Exception {
        return embedded.search.search(new SearchRequest(query, List.of(), List.of(), 10, 0)).hits().stream()
                .map(h -> h.slug() + "/" + h.anchor()).toList();
    }

    private List<String> solrTop(String query) throws Exception {
        return SolrSearch.search(cluster.client(), query, 0, 10).hits().stream()
                .map(h -> h.slug() + "/" + h.anchor()).toList();
    }

    /** A judged query of the repository's judged set: its graded answers by "slug/Section". */
    record Judged(String query, Map<String, Integer> grades) {
        static List<Judged> load(Path file, boolean withFda) throws Exception {
            List<Judged> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (!withFda && cols[0].equals("fda")) {
                    continue;
                }
                Map<String, Integer> grades = new java.util.HashMap<>();
                if (!cols[2].equals("-")) {
                    for (String pair : cols[2].split(";")) {
                        int eq = pair.lastIndexOf('=');
                        grades.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
                    }
                }
                out.add(new Judged(cols[1], grades));
            }
            return out;
        }

        double precisionAt1(List<String> top) {
            return top.isEmpty() ? (grades.isEmpty() ? 1 : 0) : relevant(top.get(0)) ? 1 : 0;
        }

        double reciprocalRank(List<String> top) {
            for (int i = 0; i < top.size(); i++) {
                if (relevant(top.get(i))) {
                    return 1.0 / (i + 1);
                }
            }
            return 0;
        }

        private boolean relevant(String slugAndAnchor) {
            String slug = slugAndAnchor.substring(0, slugAndAnchor.indexOf('/'));
            return grades.keySet().stream().anyMatch(k -> k.startsWith(slug + "/"));
        }
    }
}
