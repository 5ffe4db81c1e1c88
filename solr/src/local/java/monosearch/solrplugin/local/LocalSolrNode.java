package monosearch.solrplugin.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One node of the local SolrCloud of {@code scripts/solrcloud-local.sh}, in a JVM of its own. No Solr
 * distribution installs here and Solr's Maven jars carry no Jetty configuration or webapp, so the node's Jetty is
 * set up in code by Solr's own embedded runner; everything else is a plain node: its home's {@code solr.xml}
 * (ZooKeeper, the plugin's sharedLib) and the usual system properties.
 */
public final class LocalSolrNode {
    private LocalSolrNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage: LocalSolrNode SOLR_HOME PORT (SOLR_HOME holds solr.xml)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("solr.xml"))) {
            System.err.println(home.resolve("solr.xml") + " is missing");
            System.exit(2);
        }
        // Stopped by the JVM's shutdown hook on SIGTERM: the cores close and ZooKeeper hears of it at once.
        JettyConfig config = JettyConfig.builder().setPort(Integer.parseInt(args[1])).setContext("/solr")
                .stopAtShutdown(true).build();
        JettySolrRunner node = new JettySolrRunner(home.toString(), config);
        node.start();
        System.out.println("monosearch local Solr node up at " + node.getBaseUrl());
    }
}
