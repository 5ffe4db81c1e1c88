package monosearch.solr;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.UUID;
import monosearch.index.IndexLockedException;
import monosearch.index.Schema;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * The one reindex allowed at a time into a collection, held as a document of the collection itself: every reindex
 * process, on whatever machine, sees it. Taking it is an add that Solr refuses when the document exists
 * ({@code _version_ = -1}: optimistic concurrency, atomic on the shard that holds it). A lock left by a reindex that
 * died expires; a reindex keeps its own alive while it writes.
 */
final class ReindexLock implements AutoCloseable {
    static final String ID = "monosearch-lock";
    static final String OWNER = "lock_owner";
    static final String EXPIRES = "lock_expires";
    private static final String VERSION = "_version_";

    private final SolrNodes nodes;
    private final String collection;
    private final long ttlMillis;
    private final String owner;
    private long version;
    private boolean held;

    private ReindexLock(SolrNodes nodes, String collection, long ttlMillis) {
        this.nodes = nodes;
        this.collection = collection;
        this.ttlMillis = ttlMillis;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Takes the lock of {@code collection}, or throws {@link IndexLockedException} naming who holds it. */
    static ReindexLock take(SolrNodes nodes, String collection, long ttlMillis) throws IOException {
        ReindexLock lock = new ReindexLock(nodes, collection, ttlMillis);
        lock.acquire();
        return lock;
    }

    private void acquire() throws IOException {
        if (write(-1)) {
            return;
        }
        SolrDocument current = nodes.realTimeGet(collection, ID, ID);
        if (current == null) {
            // Released between our add and the look: try once more.
            if (write(-1)) {
                return;
            }
            current = nodes.realTimeGet(collection, ID, ID);
        }
        if (current != null) {
            long expires = ((Number) current.getFieldValue(EXPIRES)).longValue();
            if (expires > System.currentTimeMillis()) {
                throw new IndexLockedException("collection " + collection + " is locked: another reindex ("
                        + current.getFieldValue(OWNER) + ") is writing it, its lock runs until "
                        + Instant.ofEpochMilli(expires) + " unless renewed. Nothing was changed; run reindex again "
                        + "when that one has finished");
            }
            // Expired: the reindex that held it died. Take it over, unless another reindex just did.
            if (write(((Number) current.getFieldValue(VERSION)).longValue())) {
                return;
            }
        }
        throw new IndexLockedException("collection " + collection + " is locked: another reindex has just taken its "
                + "lock. Nothing was changed; run reindex again when that one has finished");
    }

    /** Pushes the expiry on; fails when another reindex has taken the lock over meanwhile. */
    void renew() throws IOException {
        if (!write(version)) {
            held = false;
            throw new IndexLockedException("the lock of collection " + collection + " was taken over by another reindex "
                    + "while this one ran (it had expired); this reindex stops without committing");
        }
    }

    /** Adds the lock document if its version is still {@code expected} (-1: if there is none); false when not. */
    private boolean write(long expected) throws IOException {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(Schema.ID, ID);
        // The collection is routed by slug: the lock document needs one to land on a shard.
        doc.addField(Schema.SLUG, ID);
        doc.addField(OWNER, owner);
        doc.addField(EXPIRES, System.currentTimeMillis() + ttlMillis);
        doc.addField(VERSION, expected);
        UpdateRequest add = new UpdateRequest();
        add.add(doc);
        add.setParam("versions", "true");
        try {
            var response = nodes.update(collection, add);
            Object adds = response.getResponse().get("adds");
            if (adds instanceof org.apache.solr.common.util.NamedList<?> list && list.size() > 0) {
                version = ((Number) list.getVal(0)).longValue();
            }
            held = true;
            return true;
        } catch (SolrFailure e) {
            if (e.getCause() instanceof SolrException se && se.code() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (!held) {
            return;
        }
        held = false;
        UpdateRequest delete = new UpdateRequest();
        delete.deleteById(ID, ID, version);
        try {
            nodes.update(collection, delete);
        } catch (SolrFailure e) {
            if (!(e.getCause() instanceof SolrException se && se.code() == 409)) {
                throw e;
            }
            // Taken over after expiring: the lock is someone else's now.
        }
    }
}
