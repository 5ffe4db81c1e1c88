package monosearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import monosearch.index.CorpusException;
import monosearch.index.MonographFiles;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import monosearch.index.Schema;
import monosearch.monograph.Corpus;
import monosearch.monograph.Corpus.Problem;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.MonographParser;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a SolrCloud collection up to date with a corpus folder, as {@link Reindexer} does an index folder: the
 * same scan, the same judgement of what changed, the same parsing and the same field values
 * ({@link Schema#values}). A changed monograph's sections are deleted and added anew, and everything becomes
 * visible in one explicit commit; the files' state lives on the sections in Solr, so any machine can run the next
 * reindex. One reindex at a time per collection ({@link ReindexLock}).
 *
 * <p>The name given is an alias: the sections live in {@code NAME_vSCHEMA}. When the schema version changes, a new
 * collection is built beside the one served and the alias moved to it once it is complete; then the old one is
 * deleted. A plain collection of that name (made by hand) is written in place.
 */
public final class SolrReindexer {
    private static final Logger log = LoggerFactory.getLogger(SolrReindexer.class);
    static final String META_ID = "monosearch-meta";
    static final String META_SCHEMA = "meta_schema";
    static final String META_COMMITTED = "meta_committed";
    /** Files parsed side by side, then sent to Solr together. */
    private static final int FILES_PER_BATCH = 64;
    private static final int STATE_PAGE = 2_000;

    /**
     * One run's settings.
     *
     * @param corpus       the monograph folder
     * @param maxFileBytes larger files are skipped
     * @param full         rewrite every monograph
     * @param shards       of a collection created by this run
     * @param replicas     per shard, of a collection created by this run
     * @param configSet    the configset a created collection uses
     * @param threads      files parsed at once
     * @param lockMillis   how long the lock lasts unless renewed (a reindex that died frees it after that)
     */
    public record Options(java.nio.file.Path corpus, long maxFileBytes, boolean full, int shards, int replicas,
                          String configSet, int threads, long lockMillis) {
    }

    /**
     * Where a run writes.
     *
     * @param collection the collection written
     * @param rewrite    every section is deleted and added anew
     * @param moveAlias  the alias moves to the collection once it is committed
     * @param replaced   the collection the alias pointed at before, deleted then; null if none
     * @param fullReason why every file is indexed anew, for the summary; null for an incremental run
     */
    private record Plan(String collection, boolean rewrite, boolean moveAlias, String replaced, String fullReason) {
    }

    private final SolrNodes nodes;
    private final SolrCollections collections;
    private final String name;
    private final MonographFiles files;
    private final Reindexer.Progress progress;

    public SolrReindexer(SolrNodes nodes, String name, MonographParser parser, Reindexer.Progress progress) {
        this.nodes = nodes;
        this.collections = new SolrCollections(nodes);
        this.name = name;
        this.files = new MonographFiles(parser);
        this.progress = progress;
    }

    public ReindexSummary run(Options options) throws IOException {
        long start = System.nanoTime();
        Corpus corpus = MonographFiles.scan(options.corpus(), options.maxFileBytes());
        if (corpus.files().isEmpty()) {
            throw new CorpusException("no monograph files (*.md, *.markdown) in " + options.corpus()
                    + "; the collection was left as it was");
        }
        Plan plan = plan(options);
        try (ReindexLock lock = ReindexLock.take(nodes, plan.collection(), options.lockMillis())) {
            Thread release = releaseOnExit(lock);
            try {
                ReindexSummary summary = write(plan, corpus, options, lock, start);
                if (plan.moveAlias()) {
                    collections.pointAlias(name, plan.collection());
                    log.info("alias {} now points at collection {}", name, plan.collection());
                }
                if (plan.replaced() != null) {
                    collections.delete(plan.replaced());
                    log.info("deleted collection {}, which alias {} no longer points at", plan.replaced(), name);
                }
                return summary;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(release);
                } catch (IllegalStateException e) {
                    // Exiting already: the hook frees the lock.
                }
            }
        }
    }

    /** The collection written in this version of the schema, for alias {@link #name}. */
    String versionedName() {
        return name + "_v" + Schema.VERSION;
    }

    private Plan plan(Options options) throws IOException {
        String current = collections.aliasTarget(name).orElse(null);
        boolean plain = current == null && collections.exists(name);
        if (plain) {
            current = name;
        }
        String schema = current == null ? null : schemaOf(current);
        if (current != null && (Schema.VERSION.equals(schema) || plain)) {
            boolean sameSchema = Schema.VERSION.equals(schema);
            String reason = options.full() ? "--full was asked for"
                    : schema == null ? "collection " + current + " held no monosearch content yet"
                    : sameSchema ? null
                    : "collection " + current + " was written with schema version " + schema + ", this is " + Schema.VERSION;
            return new Plan(current, options.full() || !sameSchema, false, null, reason);
        }
        String into = versionedName();
        if (!collections.exists(into)) {
            collections.create(into, options.configSet(), options.shards(), options.replicas());
            log.info("created collection {} ({} shards x {} replicas, configset {}, routed by slug)", into,
                    options.shards(), options.replicas(), options.configSet());
        }
        String reason = current == null ? "there was no collection " + name + " yet"
                : "collection " + current + " was written with schema version " + schema + ", this is " + Schema.VERSION;
        // A collection of this version left by a run that died before moving the alias is carried on from its state.
        return new Plan(into, options.full(), true, into.equals(current) ? null : current, reason);
    }

    /** The schema version the collection's content was written with; null when it has none. */
    private String schemaOf(String collection) throws IOException {
        SolrDocument meta = nodes.realTimeGet(collection, META_ID, META_ID);
        return meta == null ? null : (String) meta.getFirstValue(META_SCHEMA);
    }

    private ReindexSummary write(Plan plan, Corpus corpus, Options options, ReindexLock lock, long start)
            throws IOException {
        String collection = plan.collection();
        Map<String, MonographFiles.State> indexed = plan.rewrite() ? Map.of() : states(collection);
        List<Problem> skipped = Collections.synchronizedList(new ArrayList<>(MonographFiles.skipped(corpus)));
        List<Problem> warnings = Collections.synchronizedList(new ArrayList<>(MonographFiles.warnings(corpus)));
        Set<String> present = new HashSet<>();
        corpus.files().forEach(f -> present.add(f.source()));
        skipped.forEach(p -> present.add(p.source()));

        int added = 0;
        int updated = 0;
        int unchanged = 0;
        long sections = 0;
        boolean wrote = false;
        if (plan.rewrite()) {
            send(collection, new UpdateRequest().deleteByQuery(Schema.POSITION + ":[* TO *]"));
            wrote = true;
        }
        List<CorpusFile> candidates = new ArrayList<>();
        for (CorpusFile f : corpus.files()) {
            if (MonographFiles.looksUnchanged(f, indexed.get(f.source()))) {
                unchanged++;
            } else {
                candidates.add(f);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            int done = 0;
            for (int from = 0; from < candidates.size(); from += FILES_PER_BATCH) {
                List<CorpusFile> batch = candidates.subList(from, Math.min(from + FILES_PER_BATCH, candidates.size()));
                List<Future<MonographFiles.Read>> reads = new ArrayList<>();
                for (CorpusFile f : batch) {
                    reads.add(pool.submit(() -> files.read(f, indexed.get(f.source()), warnings)));
                }
                UpdateRequest deletes = new UpdateRequest();
                List<SolrInputDocument> docs = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    CorpusFile f = batch.get(i);
                    MonographFiles.Read read = await(reads.get(i));
                    if (read instanceof MonographFiles.Skipped s) {
                        skipped.add(s.problem());
                    } else if (read instanceof MonographFiles.SameContent) {
                        // Only the timestamp changed. Sections cannot be updated in part here (not every field is
                        // stored), so the next run reads and hashes the file again: cheap, and nothing is rewritten.
                        unchanged++;
                    } else if (read instanceof MonographFiles.Parsed p) {
                        if (indexed.containsKey(f.source())) {
                            deletes.deleteByQuery(bySource(f.source()));
                            updated++;
                        } else {
                            added++;
                        }
                        for (Map<String, Object> values : Schema.values(p.parsed().monograph(), p.file())) {
                            SolrInputDocument d = new SolrInputDocument();
                            values.forEach(d::addField);
                            docs.add(d);
                        }
                    }
                    progress.filesIndexed(++done, candidates.size());
                }
                // A changed monograph's old sections go before its new ones are added: all visible at the commit.
                if (deletes.getDeleteQuery() != null && !deletes.getDeleteQuery().isEmpty()) {
                    send(collection, deletes);
                }
                if (!docs.isEmpty()) {
                    send(collection, new UpdateRequest().add(docs));
                    sections += docs.size();
                    wrote = true;
                }
                lock.renew();
            }
        } finally {
            pool.shutdownNow();
        }
        int removed = 0;
        UpdateRequest removals = new UpdateRequest();
        for (String source : indexed.keySet()) {
            if (!present.contains(source)) {
                removals.deleteByQuery(bySource(source));
                removed++;
            }
        }
        if (removed > 0) {
            send(collection, removals);
        }
        if (added + updated + unchanged == 0) {
            throw new CorpusException("none of the " + corpus.files().size() + " monograph files in " + options.corpus()
                    + " could be indexed (first problem: " + (skipped.isEmpty() ? "unknown" : skipped.get(0))
                    + "); nothing was committed to collection " + collection);
        }
        boolean changed = wrote || added + updated + removed > 0 || plan.moveAlias();
        if (changed) {
            SolrInputDocument meta = new SolrInputDocument();
            meta.addField(Schema.ID, META_ID);
            meta.addField(Schema.SLUG, META_ID);
            meta.addField(META_SCHEMA, Schema.VERSION);
            meta.addField(META_COMMITTED, System.currentTimeMillis());
            UpdateRequest commit = new UpdateRequest().add(meta);
            commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
            send(collection, commit);
        }
        List<Problem> sortedSkipped = new ArrayList<>(skipped);
        sortedSkipped.sort((a, b) -> a.source().compareTo(b.source()));
        List<Problem> sortedWarnings = new ArrayList<>(warnings);
        sortedWarnings.sort((a, b) -> a.source().compareTo(b.source()));
        return new ReindexSummary(corpus.files().size(), added, updated, removed, unchanged, sortedSkipped,
                sortedWarnings, sections, plan.fullReason(), changed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Matches a source path as it is: the term parser takes its value literally, whatever characters it holds. */
    private static String bySource(String source) {
        return "{!term f=" + Schema.SOURCE + "}" + source;
    }

    /** The state of every indexed file, from the first section of each monograph. */
    private Map<String, MonographFiles.State> states(String collection) throws IOException {
        Map<String, MonographFiles.State> states = new HashMap<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            ModifiableSolrParams q = new ModifiableSolrParams();
            q.set("q", "*:*");
            q.set("fq", Schema.POSITION + ":0");
            q.set("fl", String.join(",", Schema.SOURCE, Schema.SLUG, Schema.FILE_HASH, Schema.FILE_SIZE, Schema.FILE_MODIFIED));
            q.set("sort", Schema.ID + " asc");
            q.set("rows", STATE_PAGE);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = nodes.select(collection, q);
            for (SolrDocument d : r.getResults()) {
                states.put((String) d.getFirstValue(Schema.SOURCE), new MonographFiles.State(
                        (String) d.getFirstValue(Schema.SLUG), (String) d.getFirstValue(Schema.FILE_HASH),
                        ((Number) d.getFirstValue(Schema.FILE_SIZE)).longValue(),
                        ((Number) d.getFirstValue(Schema.FILE_MODIFIED)).longValue()));
            }
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return states;
            }
            cursor = next;
        }
    }

    private void send(String collection, UpdateRequest update) throws IOException {
        nodes.update(collection, update);
    }

    /** A reindex stopped by SIGTERM or Ctrl-C frees the collection at once instead of when its lock expires. */
    private static Thread releaseOnExit(ReindexLock lock) {
        Thread hook = new Thread(() -> {
            try {
                lock.close();
            } catch (IOException | RuntimeException e) {
                // It expires then.
            }
        }, "reindex-lock-release");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static MonographFiles.Read await(Future<MonographFiles.Read> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reindex interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
