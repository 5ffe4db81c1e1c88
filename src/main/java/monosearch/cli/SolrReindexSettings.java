package monosearch.cli;

import monosearch.solr.SolrTarget;

/**
 * What {@code reindex --solr} is told beyond the corpus, checked before anything is sent to Solr.
 *
 * @param target     the nodes and the collection (an alias)
 * @param shards     of a collection this reindex creates
 * @param replicas   per shard, of a collection this reindex creates
 * @param configSet  the configset, uploaded to the cluster, that a created collection uses
 * @param lockMillis how long the reindex lock lasts without renewal: what a reindex that died blocks the next for
 */
record SolrReindexSettings(SolrTarget target, int shards, int replicas, String configSet, long lockMillis) {
    static final int DEFAULT_SHARDS = 2;
    static final int DEFAULT_REPLICAS = 2;
    static final String DEFAULT_CONFIGSET = "monosearch";
    static final long DEFAULT_LOCK_MILLIS = 120_000;

    SolrReindexSettings {
        if (shards < 1 || shards > 64) {
            throw new IllegalArgumentException("--shards must be between 1 and 64, not " + shards);
        }
        if (replicas < 1 || replicas > 8) {
            throw new IllegalArgumentException("--replicas must be between 1 and 8, not " + replicas);
        }
        if (configSet == null || !configSet.matches("[A-Za-z0-9_.\\-]{1,100}")) {
            throw new IllegalArgumentException("--configset takes a configset name (letters, digits, '_', '.', '-'), not "
                    + configSet);
        }
        if (lockMillis < 1_000) {
            throw new IllegalArgumentException("--lock-ms must be at least 1000");
        }
    }
}
