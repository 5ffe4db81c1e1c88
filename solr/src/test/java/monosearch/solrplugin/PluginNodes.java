package monosearch.solrplugin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/** Two real Solr nodes that load the plugin from the build's sharedLib, as an install does, with the configset uploaded. */
public final class PluginNodes {
    private PluginNodes() {
    }

    public static MiniSolrCloudCluster start(Path dir, String configName) throws Exception {
        Path sharedLib = Path.of(System.getProperty("monosearch.sharedLib", "target/sharedLib")).toAbsolutePath();
        Path configset = Path.of(System.getProperty("monosearch.configset", "src/main/configset")).toAbsolutePath();
        if (!Files.isDirectory(sharedLib)) {
            throw new IllegalStateException(sharedLib + " is missing: the tests run after the package phase (mvn verify)");
        }
        String solrXml = MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.replaceFirst("<solr>",
                "<solr>\n  <str name=\"sharedLib\">" + sharedLib + "</str>");
        return new MiniSolrCloudCluster.Builder(2, dir).withSolrXml(solrXml).addConfig(configName, configset).build();
    }
}
