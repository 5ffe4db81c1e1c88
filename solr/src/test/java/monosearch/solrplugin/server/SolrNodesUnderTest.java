package monosearch.solrplugin.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.solrplugin.PluginNodes;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Two real Solr nodes and ZooKeeper in the test JVM, the plugin loaded from the build's sharedLib as a real node
 * loads it and the configset uploaded as "monosearch", but no collection: the service under test creates it.
 */
final class SolrNodesUnderTest implements AutoCloseable {
    static final String CONFIGSET = "monosearch";
    private final MiniSolrCloudCluster cluster;
    /** As started: the cluster's own list loses a node when it stops. */
    private final List<JettySolrRunner> nodes;

    SolrNodesUnderTest(Path dir) throws Exception {
        cluster = PluginNodes.start(dir, CONFIGSET);
        nodes = List.copyOf(cluster.getJettySolrRunners());
    }

    /** The nodes' base URLs, comma-separated, as {@code --solr} takes them. */
    String urls() {
        List<String> urls = new ArrayList<>();
        for (JettySolrRunner j : nodes) {
            urls.add(j.getBaseUrl().toString());
        }
        return String.join(",", urls);
    }

    void stopNode(int index) throws Exception {
        JettySolrRunner node = nodes.get(index);
        cluster.stopJettySolrRunner(node);
        cluster.waitForJettyToStop(node);
    }

    MiniSolrCloudCluster mini() {
        return cluster;
    }

    @Override
    public void close() throws Exception {
        cluster.shutdown();
    }
}
