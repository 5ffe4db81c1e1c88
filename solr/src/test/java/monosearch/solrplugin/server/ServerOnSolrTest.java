package monosearch.solrplugin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import monosearch.index.Schema;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.noggit.ObjectBuilder;

/**
 * The service on SolrCloud, run as its users run it ({@code java -jar monosearch.jar reindex|serve --solr ...})
 * against two real Solr nodes with the plugin. The tests share one cluster and run in order: the last ones stop
 * its nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerOnSolrTest {
    private static final String ALIAS = "drugs";

    @TempDir
    static Path dir;
    static SolrNodesUnderTest solr;
    static Path corpus;
    static Service firstReindex;
    static Service server;
    static String api;

    @BeforeAll
    static void start() throws Exception {
        solr = new SolrNodesUnderTest(Files.createDirectories(dir.resolve("solr")));
        corpus = copyOf(Path.of(System.getProperty("monosearch.repository", "..")).resolve("corpus"), dir.resolve("corpus"));
        firstReindex = Service.run(reindexArgs(solr.urls()));
        server = Service.start("serve", "--solr", solr.urls(), "--collection", ALIAS, "--port", "0", "--warmup-ms", "0",
                "--refresh-ms", "200", "--log-requests=false");
        api = server.awaitServing();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (solr != null) {
            solr.close();
        }
    }

    @Test
    @Order(1)
    void aFirstReindexCreatesTheCollectionTwoShardsByTwoReplicasBehindTheAlias() throws Exception {
        String out = firstReindex.output();
        assertEquals(0, firstReindex.exitStatus(), out);
        assertTrue(out.contains("47 added, 0 updated, 0 removed, 0 unchanged"), out);
        String collection = ALIAS + "_v" + Schema.VERSION;
        DocCollection state = solr.mini().getZkStateReader().getClusterState().getCollection(collection);
        assertEquals(2, state.getSlices().size());
        for (Slice shard : state.getSlices()) {
            assertEquals(2, shard.getReplicas().size(), shard.toString());
        }
        assertEquals(collection, solr.mini().getZkStateReader().getAliases().resolveSimpleAlias(ALIAS));
        assertEquals(47, sectionsBySlug().values().stream().map(Map::size).filter(n -> n > 0).count());
    }

    @Test
    @Order(2)
    void serveAnswersTheSearchApiFromSolr() throws Exception {
        Map<String, Object> result = json(Service.get(api + "/api/search?q=capillary+leak+syndrome&limit=5"), 200);
        assertTrue(((Number) result.get("total")).longValue() > 0, result.toString());
        List<Map<String, Object>> hits = list(result.get("hits"));
        assertEquals(5, hits.size(), result.toString());
        assertTrue(hits.stream().anyMatch(h -> h.get("slug").equals("aldesleukin")), result.toString());
        Map<String, Object> aboutADrug = json(Service.get(api + "/api/search?q=aldesleukin+capillary+leak"), 200);
        assertEquals("aldesleukin", map(list(aboutADrug.get("hits")).get(0)).get("slug"), aboutADrug.toString());
        for (Map<String, Object> hit : hits) {
            assertTrue(String.valueOf(hit.get("url")).startsWith("/monographs/" + hit.get("slug")), hit.toString());
            assertFalse(String.valueOf(hit.get("snippet")).isBlank(), hit.toString());
        }
        assertFalse(list(map(result.get("facets")).get("section")).isEmpty(), result.toString());

        Map<String, Object> misspelled = json(Service.get(api + "/api/search?q=capilary+leak"), 200);
        assertEquals("capillary leak", misspelled.get("suggestion"), misspelled.toString());

        Map<String, Object> suggested = json(Service.get(api + "/api/suggest?q=aldes"), 200);
        assertEquals("aldesleukin", map(list(suggested.get("suggestions")).get(0)).get("slug"), suggested.toString());

        Map<String, Object> monograph = json(Service.get(api + "/api/monographs/aldesleukin"), 200);
        assertEquals(sectionsBySlug().get("aldesleukin").size(), list(monograph.get("sections")).size());
        json(Service.get(api + "/api/monographs/no-such-drug"), 404);
        HttpResponse<String> page = Service.get(api + "/monographs/aldesleukin?q=capillary+leak");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-matched=\"[&quot;"), "the page marks the words the query matched");

        Map<String, Object> health = json(Service.get(api + "/health"), 200);
        assertEquals("ok", health.get("status"));
        assertEquals(47, ((Number) health.get("monographs")).intValue(), health.toString());
        assertEquals(200, Service.get(api + "/").statusCode());
    }

    @Test
    @Order(3)
    void userTextNeverBecomesSolrSyntax() throws Exception {
        Map<String, Object> result = json(Service.get(api + "/api/search?q=%7B%21lucene%7D*%3A*"), 200);
        assertEquals(0L, ((Number) result.get("total")).longValue(), result.toString());
    }

    @Test
    @Order(4)
    void anIncrementalReindexChangesExactlyTheChangedMonographsAndServeSeesItsCommit() throws Exception {
        Map<String, Map<String, Long>> before = sectionsBySlug();
        long versionBefore = ((Number) json(Service.get(api + "/health"), 200).get("indexVersion")).longValue();
        Path changed = corpus.resolve("a/aldesleukin.md");
        Files.writeString(changed, Files.readString(changed) + "\n\n## Zebrafish studies\n\nZebrafishword was seen.\n",
                StandardCharsets.UTF_8);
        Path removed = corpus.resolve("g/gemcitabine.md");
        Files.delete(removed);
        Path added = corpus.resolve("z/zzznewdrug.md");
        Files.createDirectories(added.getParent());
        Files.writeString(added, "---\ntitle: Zzznewdrug\n---\n# Zzznewdrug\n\n## Uses\n\nTreats quuxitis.\n",
                StandardCharsets.UTF_8);

        Service reindex = Service.run(reindexArgs(solr.urls()));
        assertEquals(0, reindex.exitStatus(), reindex.output());
        assertTrue(reindex.output().contains("1 added, 1 updated, 1 removed, 45 unchanged"), reindex.output());

        Map<String, Map<String, Long>> after = sectionsBySlug();
        assertFalse(after.containsKey("gemcitabine"));
        assertTrue(after.containsKey("zzznewdrug"), after.keySet().toString());
        assertEquals(before.get("aldesleukin").size() + 1, after.get("aldesleukin").size());
        before.get("aldesleukin").forEach((id, version) -> assertNotEquals(version, after.get("aldesleukin").get(id), id));
        for (String slug : before.keySet()) {
            if (!slug.equals("aldesleukin") && !slug.equals("gemcitabine")) {
                assertEquals(before.get(slug), after.get(slug), "sections of " + slug + " were rewritten");
            }
        }
        long versionAfter = awaitNewVersion(versionBefore);
        assertTrue(versionAfter > versionBefore);
        Map<String, Object> found = json(Service.get(api + "/api/search?q=zebrafishword"), 200);
        assertEquals("aldesleukin", map(list(found.get("hits")).get(0)).get("slug"), found.toString());
        assertEquals("zzznewdrug", map(list(json(Service.get(api + "/api/suggest?q=zzznew"), 200).get("suggestions")).get(0)).get("slug"));
    }

    @Test
    @Order(5)
    void aSecondReindexWhileOneRunsIsRefusedAndTheLockIsFreedWhenTheFirstIsStopped() throws Exception {
        Path changed = corpus.resolve("a/aldesleukin.md");
        Files.writeString(changed, Files.readString(changed) + "\nOne more line.\n", StandardCharsets.UTF_8);
        List<String> paused = new java.util.ArrayList<>(List.of(reindexArgs(solr.urls())));
        paused.addAll(List.of("--pause-after-files", "1"));
        try (Service first = Service.start(paused.toArray(String[]::new))) {
            first.await("paused before the commit");
            Service second = Service.run(reindexArgs(solr.urls()));
            assertEquals(2, second.exitStatus(), second.output());
            assertTrue(second.output().contains("is locked: another reindex"), second.output());
            first.stop();
        }
        Service third = Service.run(reindexArgs(solr.urls()));
        assertEquals(0, third.exitStatus(), third.output());
        assertTrue(third.output().contains("1 updated"), third.output());
    }

    @Test
    @Order(6)
    void aCollectionOfAnOlderSchemaIsReplacedByANewOneAndTheAliasMovedToIt() throws Exception {
        String alias = "older";
        String old = alias + "_v0";
        var client = solr.mini().getSolrClient();
        CollectionAdminRequest.createCollection(old, SolrNodesUnderTest.CONFIGSET, 1, 1).setRouterField(Schema.SLUG)
                .process(client);
        SolrInputDocument meta = new SolrInputDocument();
        meta.addField(Schema.ID, "monosearch-meta");
        meta.addField(Schema.SLUG, "monosearch-meta");
        meta.addField("meta_schema", "0");
        meta.addField("meta_committed", 1L);
        client.add(old, meta);
        client.commit(old);
        CollectionAdminRequest.createAlias(alias, old).process(client);

        Service reindex = Service.run("reindex", "--solr", solr.urls(), "--collection", alias, "--corpus", corpus.toString(),
                "--shards", "1", "--replicas", "1");
        assertEquals(0, reindex.exitStatus(), reindex.output());
        assertTrue(reindex.output().contains("written with schema version 0, this is " + Schema.VERSION), reindex.output());
        solr.mini().getZkStateReader().aliasesManager.update();
        assertEquals(alias + "_v" + Schema.VERSION, solr.mini().getZkStateReader().getAliases().resolveSimpleAlias(alias));
        assertFalse(solr.mini().getZkStateReader().getClusterState().hasCollection(old), "the old collection is deleted");
        assertEquals(47, client.query(alias, new SolrQuery("*:*").addFilterQuery(Schema.POSITION + ":0")).getResults().getNumFound());
    }

    @Test
    @Order(7)
    void solrUnreachableAtStartIsOneClearLineAndExitStatusOne() throws Exception {
        String nowhere = "http://127.0.0.1:" + freePort() + "/solr";
        Service serve = Service.run("serve", "--solr", nowhere, "--collection", ALIAS, "--port", "0");
        assertEquals(1, serve.exitStatus(), serve.output());
        assertEquals("monosearch: no Solr node answers (" + nowhere + "): connection refused", serve.output().strip());
        Service reindex = Service.run(reindexArgs(nowhere));
        assertEquals(1, reindex.exitStatus(), reindex.output());
        assertTrue(reindex.output().contains("monosearch: no Solr node answers"), reindex.output());
    }

    @Test
    @Order(8)
    void aStoppedNodeIsPassedOverAndEveryRequestIsAnswered() throws Exception {
        solr.stopNode(0);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = Service.get(api + "/api/search?q=renal+impairment+dose");
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @Test
    @Order(9)
    void solrGoneWhileServingIsJson503WithRetryAfterNeverA500() throws Exception {
        solr.stopNode(1);
        for (String path : List.of("/api/search?q=renal+impairment", "/api/monographs/aldesleukin", "/health")) {
            HttpResponse<String> r = Service.get(api + path);
            assertEquals(503, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent(), path);
            assertEquals(503, ((Number) json(r, 503).get("status")).intValue());
        }
        assertEquals(200, Service.get(api + "/api/suggest?q=aldes").statusCode(), "drug names are held by the server");
    }

    private static String[] reindexArgs(String urls) {
        return new String[] {"reindex", "--solr", urls, "--collection", ALIAS, "--corpus", corpus.toString()};
    }

    /** Every monograph's sections (id to _version_, which changes whenever Solr writes the document). */
    private static Map<String, Map<String, Long>> sectionsBySlug() throws Exception {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(Schema.POSITION + ":[0 TO *]");
        q.setFields(Schema.ID, Schema.SLUG, "_version_");
        q.setRows(100_000);
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (SolrDocument d : solr.mini().getSolrClient().query(ALIAS, q).getResults()) {
            out.computeIfAbsent((String) d.getFieldValue(Schema.SLUG), s -> new HashMap<>())
                    .put((String) d.getFieldValue(Schema.ID), (Long) d.getFieldValue("_version_"));
        }
        return out;
    }

    /** The server looks for a new commit every 200 ms. */
    private static long awaitNewVersion(long before) throws Exception {
        for (int i = 0; i < 100; i++) {
            long now = ((Number) json(Service.get(api + "/health"), 200).get("indexVersion")).longValue();
            if (now != before) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server still serves content version " + before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        Object parsed = ObjectBuilder.fromJSON(r.body());
        assertNotNull(parsed);
        return (Map<String, Object>) parsed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A copy of the corpus with the files' times kept, as a deployment's copy would be. */
    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
