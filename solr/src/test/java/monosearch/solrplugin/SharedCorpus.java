package monosearch.solrplugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import monosearch.monograph.Monograph;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The bundled corpus and the FDA labels (when ../shared is there) indexed once for the whole test run, by the
 * embedded engine and into a 2-node SolrCloud: a cluster and its indexing are most of a Solr test's time, so every
 * class that takes an {@link Indexed} in its constructor gets the same one. A class that stops a node starts it
 * again before it ends.
 */
final class SharedCorpus implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCorpus.class);

    /** The same monographs in both engines. */
    static final class Indexed implements ExtensionContext.Store.CloseableResource {
        final Embedded embedded;
        final Cluster cluster;
        final boolean withFda;
        private final Path dir;

        private Indexed(Path dir) throws Exception {
            this.dir = dir;
            List<Path> corpora = new ArrayList<>(List.of(Cluster.sibling("corpus")));
            Path fda = Cluster.sibling("../shared/corpus-fda");
            withFda = Files.isDirectory(fda);
            if (withFda) {
                corpora.add(fda);
            }
            // The cluster starts (mostly waiting on ZooKeeper and the nodes) while the embedded index is built.
            Path solrDir = Files.createDirectories(dir.resolve("solr"));
            CompletableFuture<Cluster> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Cluster(solrDir);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            List<Monograph> monographs = Embedded.parse(corpora);
            embedded = new Embedded(monographs, Files.createDirectories(dir.resolve("index")));
            cluster = starting.join();
            cluster.index(monographs);
        }

        @Override
        public void close() throws Exception {
            try (embedded; cluster) {
                // both closed, the cluster first
            } finally {
                PathUtils.deleteDirectory(dir);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Indexed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Indexed.class, key -> start(), Indexed.class);
    }

    private static Indexed start() {
        try {
            return new Indexed(Files.createTempDirectory("monosearch-solr-tests"));
        } catch (Exception e) {
            throw new IllegalStateException("the shared SolrCloud did not start: " + e.getMessage(), e);
        }
    }
}
