package monosearch.solrplugin.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Path sharedLib = Path.of(System.getProperty("monosearch.sharedLib", "target/sharedLib")).toAbsolutePath();
        Path configset = Path.of(System.getProperty("monosearch.configset", "src/main/configset")).toAbsolutePath();
        if (!Files.isDirectory(sharedLib)) {
            throw new IllegalStateException(sharedLib + " is missing: the tests run after the package phase (mvn verify)");
        }
        String solrXml = MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.replaceFirst("<solr>",
                "<solr>\n  <str name=\"sharedLib\">" + sharedLib + "</str>");
        cluster = new MiniSolrCloudCluster.Builder(2, dir).withSolrXml(solrXml).addConfig(CONFIGSET, configset).build();
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
