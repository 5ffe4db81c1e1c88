package monosearch.solrplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code matched=true}: the words of one monograph a query matches, as the embedded engine's page marks them. */
@ExtendWith(SharedCorpus.class)
class MatchedWordsTest {
    private final Cluster cluster;
    private final Embedded embedded;

    MatchedWordsTest(SharedCorpus.Indexed indexed) {
        cluster = indexed.cluster;
        embedded = indexed.embedded;
    }

    @ParameterizedTest
    @CsvSource({"metformin, lactic acidosis", "metformin, kidney", "linezolid, serotonin syndrome",
            "metformin, metformn dose", "warfarin, bleed*", "metformin, nausea vomiting"})
    void theWordsMarkedOnAMonographsPageAreTheEmbeddedEnginesOwn(String slug, String query) throws Exception {
        List<String> mine = new ArrayList<>(embedded.search.matchedWords(slug, query));
        NamedList<Object> rsp = matched(cluster.client(), slug, query);
        assertEquals(mine, rsp.get("monosearch.matched"), "words of " + slug + " matched by '" + query + "'");
        assertEquals(0, ((SolrDocumentList) rsp.get("response")).size(), "no ranked matches asked for");
    }

    @Test
    void aMonographWithoutTheWordsHasNothingMarked() throws Exception {
        assertTrue(embedded.search.matchedWords("metformin", "serotonin").isEmpty());
        assertEquals(List.of(), matched(cluster.client(), "metformin", "serotonin").get("monosearch.matched"));
        assertFalse(((Collection<?>) matched(cluster.client(), "linezolid", "serotonin").get("monosearch.matched")).isEmpty());
    }

    @Test
    void matchedWordsWithoutExactlyOneMonographAreABadRequest() {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "kidney");
        p.set("matched", true);
        QueryRequest request = new QueryRequest(p);
        request.setPath("/monosearch");
        SolrException e = assertThrows(SolrException.class, () -> cluster.client().request(request, Cluster.COLLECTION));
        assertEquals(400, e.code());
        assertTrue(e.getMessage().contains("exactly one drug"), e.getMessage());
    }

    private static NamedList<Object> matched(SolrClient client, String slug, String query) throws Exception {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", query);
        p.set("drug", slug);
        p.set("matched", true);
        QueryRequest request = new QueryRequest(p);
        request.setPath("/monosearch");
        return client.request(request, Cluster.COLLECTION);
    }
}
