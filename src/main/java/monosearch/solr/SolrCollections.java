package monosearch.solr;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import monosearch.index.Schema;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.NamedList;

/**
 * The collections and aliases of the cluster, through the Collections API: what a name points at, creating a
 * collection routed by slug, and moving an alias from one collection to another.
 */
final class SolrCollections {
    private final SolrNodes nodes;

    SolrCollections(SolrNodes nodes) {
        this.nodes = nodes;
    }

    /** The collection an alias points at; empty when {@code name} is no alias. */
    Optional<String> aliasTarget(String name) throws IOException {
        CollectionAdminResponse r = process(new CollectionAdminRequest.ListAliases());
        Map<String, String> aliases = r.getAliases();
        return Optional.ofNullable(aliases == null ? null : aliases.get(name));
    }

    boolean exists(String collection) throws IOException {
        CollectionAdminResponse r = process(new CollectionAdminRequest.List());
        Object names = r.getResponse().get("collections");
        return names instanceof java.util.List<?> list && list.contains(collection);
    }

    boolean configSetExists(String name) throws IOException {
        try {
            return new ConfigSetAdminRequest.List().process(nodes).getConfigSets().contains(name);
        } catch (org.apache.solr.client.solrj.SolrServerException e) {
            throw new IOException(e);
        }
    }

    /**
     * A new collection from the configset, routed by the slug field: every section of a monograph on one shard,
     * so per-monograph ranking and counts are exact and a monograph's delete and add land together.
     */
    void create(String collection, String configSet, int shards, int replicas) throws IOException {
        if (!configSetExists(configSet)) {
            throw new IllegalArgumentException("the Solr cluster has no configset '" + configSet + "'; upload "
                    + "solr/target/monosearch-configset.zip under that name first (README: SolrCloud)");
        }
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, configSet, shards, replicas);
        create.setRouterName("compositeId");
        create.setRouterField(Schema.SLUG);
        process(create);
    }

    void pointAlias(String alias, String collection) throws IOException {
        process(CollectionAdminRequest.createAlias(alias, collection));
    }

    void delete(String collection) throws IOException {
        process(CollectionAdminRequest.deleteCollection(collection));
    }

    private CollectionAdminResponse process(CollectionAdminRequest<?> request) throws IOException {
        NamedList<Object> raw = nodes.request(request, null);
        CollectionAdminResponse response = new CollectionAdminResponse();
        response.setResponse(raw);
        return response;
    }
}
