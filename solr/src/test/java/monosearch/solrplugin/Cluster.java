package monosearch.solrplugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import monosearch.index.Schema;
import monosearch.monograph.Monograph;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;

/**
 * Two real Solr nodes and ZooKeeper in the test JVM, the plugin loaded from the build's sharedLib as a real
 * node loads it, the configset uploaded, a collection of 2 shards x 2 replicas routed by slug.
 */
final class Cluster implements AutoCloseable {
    static final String COLLECTION = "monosearch";
    private final MiniSolrCloudCluster cluster;

    Cluster(Path dir) throws Exception {
        cluster = PluginNodes.start(dir, COLLECTION);
        create(COLLECTION);
    }

    /** Another collection of the configset, 2 shards x 2 replicas routed by slug. */
    void create(String collection) throws Exception {
        CollectionAdminRequest.createCollection(collection, COLLECTION, 2, 2).setRouterField(Schema.SLUG)
                .process(cluster.getSolrClient());
        cluster.waitForActiveCollection(collection, 2, 4);
    }

    void delete(String collection) throws Exception {
        CollectionAdminRequest.deleteCollection(collection).process(cluster.getSolrClient());
    }

    MiniSolrCloudCluster mini() {
        return cluster;
    }

    SolrClient client() {
        return cluster.getSolrClient();
    }

    void index(List<Monograph> monographs) throws Exception {
        index(COLLECTION, monographs);
    }

    /** The monographs' sections, from core's one field mapping, then one commit. */
    void index(String collection, List<Monograph> monographs) throws Exception {
        List<SolrInputDocument> docs = new ArrayList<>();
        for (Monograph m : monographs) {
            for (Map<String, Object> values : Schema.values(m, Embedded.FILE)) {
                SolrInputDocument d = new SolrInputDocument();
                values.forEach(d::addField);
                docs.add(d);
            }
        }
        client().add(collection, docs);
        client().commit(collection);
    }

    @Override
    public void close() throws Exception {
        cluster.shutdown();
    }

    static Path sibling(String name) throws IOException {
        return Path.of(System.getProperty("monosearch.repository", "..")).toAbsolutePath().normalize().resolve(name);
    }
}
