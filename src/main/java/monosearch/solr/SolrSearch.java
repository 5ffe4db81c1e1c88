package monosearch.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import monosearch.index.Schema;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import monosearch.search.DrugNames;
import monosearch.search.Links;
import monosearch.search.QueryPlanner;
import monosearch.search.QueryTooComplexException;
import monosearch.search.BackendUnavailableException;
import monosearch.search.SearchBackend;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches a SolrCloud collection as the embedded {@code SearchService} searches its index: the plugin plans the
 * query once for the whole collection and ranks per shard (proximity, ranking policy); here, as in the embedded
 * engine, the relaxed retry runs attempt after attempt until one matches, and the matches are diversified and paged
 * with core's own code ({@link QueryPlanner#pageOrder}). Drug names for the search box are the whole collection's,
 * read again whenever a reindex commits.
 */
public final class SolrSearch implements SearchBackend, AutoCloseable {
    /** Answers without results (from a node that is stopping) taken before the search is unavailable. */
    private static final int INCOMPLETE_ANSWERS_TRIED = 3;

    private static final Logger log = LoggerFactory.getLogger(SolrSearch.class);
    private static final int MAX_SECTIONS = 10_000;
    private static final int DRUG_PAGE = 5_000;

    /** What is served, read with the drug names: they change together, at a reindex's commit. */
    private record Content(long version, DrugNames drugs, int monographs) {
    }

    private final SolrNodes nodes;
    private final String collection;
    private final Links links;
    private final ScheduledExecutorService refresher;
    private volatile Content content;
    /** The refresher's last read, not yet served unless confirmed. */
    private Content lastRead;

    private SolrSearch(SolrNodes nodes, String collection, Links links) {
        this.nodes = nodes;
        this.collection = collection;
        this.links = links;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "solr-content-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the collection and reads its drug names; looks for a new commit every {@code refreshMillis}.
     * Fails with {@code BackendUnavailableException} when no node answers, and with a message saying what to do when
     * the collection does not exist.
     */
    public static SolrSearch open(SolrNodes nodes, String collection, Links links, long refreshMillis) throws IOException {
        SolrSearch search = new SolrSearch(nodes, collection, links);
        try {
            search.content = search.read();
        } catch (SolrFailure e) {
            if (e.getCause() instanceof SolrException se && (se.code() == 404 || se.code() == 400)) {
                throw new IllegalArgumentException("the Solr cluster at " + String.join(",", nodes.urls())
                        + " has no collection " + collection + "; create and fill it with: reindex --solr "
                        + String.join(",", nodes.urls()) + " --collection " + collection + " --corpus DIR");
            }
            throw e;
        }
        search.refresher.scheduleWithFixedDelay(search::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        return search;
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        int window = QueryPlanner.window(request.offset(), request.limit());
        NamedList<Object> rsp;
        SolrDocumentList docs;
        NamedList<?> info;
        for (int attempt = 0; ; attempt++) {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", request.query());
            p.set("attempt", attempt);
            p.set("window", window);
            request.drugs().forEach(d -> p.add("drug", d));
            request.sections().forEach(s -> p.add("section", s));
            rsp = answered(p);
            docs = (SolrDocumentList) rsp.get("response");
            info = (NamedList<?>) rsp.get("monosearch");
            int attempts = ((Number) info.get("attempts")).intValue();
            if (docs.getNumFound() > 0 || attempt + 1 >= attempts) {
                break;
            }
        }
        long searched = System.nanoTime();
        float[] scores = new float[docs.size()];
        String[] slugs = new String[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            scores[i] = ((Number) docs.get(i).getFieldValue("score")).floatValue();
            slugs[i] = (String) docs.get(i).getFieldValue(Schema.SLUG);
        }
        int[] order = QueryPlanner.pageOrder(scores, slugs, Boolean.TRUE.equals(info.get("namesDrug")),
                Boolean.TRUE.equals(info.get("severalDrugs")));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int k = request.offset(); k < Math.min(order.length, request.offset() + request.limit()); k++) {
            hits.add(hit(docs.get(order[k]), scores[order[k]]));
        }
        String suggestion = docs.getNumFound() == 0 ? null : (String) info.get("suggestion");
        double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
        return new SearchResult(request.query(), docs.getNumFound(), tookMs, hits,
                new SearchResult.Facets(sectionFacet(rsp)), suggestion, Boolean.TRUE.equals(info.get("partial")),
                new SearchResult.Timings(0, 0, searched - start, System.nanoTime() - searched));
    }

    private SearchResult.Hit hit(SolrDocument d, float score) {
        String slug = (String) d.getFieldValue(Schema.SLUG);
        String anchor = (String) d.getFieldValue(Schema.ANCHOR);
        return new SearchResult.Hit((String) d.getFieldValue(Schema.DRUG), slug, (String) d.getFieldValue(Schema.SECTION),
                (String) d.getFieldValue(Schema.HEADING), Schema.splitPath((String) d.getFieldValue(Schema.PATH)), anchor,
                links.of(slug, (String) d.getFieldValue(Schema.SOURCE), anchor), score, (String) d.getFieldValue("snippet"));
    }

    private static List<SearchResult.FacetValue> sectionFacet(NamedList<Object> rsp) {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        Object counts = rsp.findRecursive("facet_counts", "facet_fields", Schema.SECTION);
        if (counts instanceof NamedList<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new SearchResult.FacetValue(list.getName(i), ((Number) list.getVal(i)).longValue()));
            }
        }
        return out;
    }

    /** A request to the plugin's handler; a query Solr refuses is the caller's (HTTP 400), never a server error. */
    /**
     * A node that is stopping may still answer, without results; the next node is asked then (the node list starts
     * each request at another node), and after as many such answers the search is unavailable, never a 500.
     */
    private NamedList<Object> answered(ModifiableSolrParams p) throws IOException {
        for (int tried = 0; tried < INCOMPLETE_ANSWERS_TRIED; tried++) {
            NamedList<Object> rsp = monosearch(p);
            if (rsp.get("response") instanceof SolrDocumentList && rsp.get("monosearch") != null) {
                return rsp;
            }
        }
        throw new BackendUnavailableException("Solr answered without results " + INCOMPLETE_ANSWERS_TRIED
                + " times (a node may be stopping)", null);
    }

    private NamedList<Object> monosearch(ModifiableSolrParams p) throws IOException {
        QueryRequest request = new QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        request.setPath("/monosearch");
        try {
            return nodes.request(request, collection);
        } catch (SolrFailure e) {
            if (e.getCause() instanceof SolrException se && se.code() == 400) {
                throw new QueryTooComplexException(solrMessage(se));
            }
            throw e;
        }
    }

    /** Solr's own words, without the node's address that SolrJ puts first. */
    private static String solrMessage(SolrException e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(": ", m.indexOf("Error from server at "));
        return m.startsWith("Error from server at ") && colon > 0 ? m.substring(colon + 2) : m;
    }

    /** The plugin computes them with core's code on the shard holding the monograph. */
    @Override
    public Set<String> matchedWords(String slug, String query) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", query);
        p.set("drug", slug);
        p.set("matched", true);
        Object words = monosearch(p).get("monosearch.matched");
        Set<String> out = new java.util.LinkedHashSet<>();
        if (words instanceof List<?> list) {
            list.forEach(w -> out.add(String.valueOf(w)));
        }
        return out;
    }

    @Override
    public List<DrugNames.Drug> suggest(String text, int limit) {
        return content.drugs().suggest(text, limit);
    }

    @Override
    public Optional<Monograph> monograph(String slug) throws IOException {
        ModifiableSolrParams q = new ModifiableSolrParams();
        q.set("q", "*:*");
        q.set("fq", "{!term f=" + Schema.SLUG + "}" + slug);
        q.set("sort", Schema.POSITION + " asc");
        q.set("rows", MAX_SECTIONS);
        q.set("fl", String.join(",", Schema.DRUG, Schema.SOURCE, Schema.SECTION, Schema.HEADING, Schema.PATH,
                Schema.ANCHOR, Schema.LEVEL, Schema.POSITION, Schema.BODY));
        SolrDocumentList docs = nodes.select(collection, q).getResults();
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>(docs.size());
        for (SolrDocument d : docs) {
            sections.add(new Section((String) d.getFieldValue(Schema.SECTION), (String) d.getFieldValue(Schema.HEADING),
                    Schema.splitPath((String) d.getFieldValue(Schema.PATH)), (String) d.getFieldValue(Schema.ANCHOR),
                    ((Number) d.getFieldValue(Schema.LEVEL)).intValue(), ((Number) d.getFieldValue(Schema.POSITION)).intValue(),
                    (String) d.getFieldValue(Schema.BODY)));
        }
        SolrDocument first = docs.get(0);
        return Optional.of(new Monograph((String) first.getFieldValue(Schema.DRUG), slug,
                (String) first.getFieldValue(Schema.SOURCE), sections));
    }

    /** Asks Solr each time, so /health says at once when the collection cannot be reached. */
    @Override
    public IndexStats stats() throws IOException {
        ModifiableSolrParams q = new ModifiableSolrParams();
        q.set("q", "*:*");
        q.set("fq", Schema.POSITION + ":[0 TO *]");
        q.set("rows", 0);
        long sections = nodes.select(collection, q).getResults().getNumFound();
        Content c = content;
        // Every server on one collection serves the same commit: its time tells them apart from others.
        return new IndexStats(c.monographs(), (int) sections, c.version(), c.version(), Long.toString(c.version()));
    }

    /**
     * The content version (when the last reindex committed, from its meta document; 0 before any) and the drug names,
     * in one search, so both come from the same searcher of each shard: a real-time get would see the meta document
     * before its commit makes the new sections searchable.
     */
    private Content read() throws IOException {
        long version = 0;
        List<DrugNames.Drug> drugs = new ArrayList<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            ModifiableSolrParams q = new ModifiableSolrParams();
            q.set("q", "*:*");
            q.set("fq", Schema.POSITION + ":0 OR " + Schema.ID + ":\"" + SolrReindexer.META_ID + "\"");
            q.set("fl", Schema.DRUG + "," + Schema.SLUG + "," + Schema.ID + "," + SolrReindexer.META_COMMITTED);
            q.set("sort", Schema.ID + " asc");
            q.set("rows", DRUG_PAGE);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            var r = nodes.select(collection, q);
            for (SolrDocument d : r.getResults()) {
                if (SolrReindexer.META_ID.equals(d.getFieldValue(Schema.ID))) {
                    version = ((Number) d.getFieldValue(SolrReindexer.META_COMMITTED)).longValue();
                    continue;
                }
                drugs.add(new DrugNames.Drug((String) d.getFieldValue(Schema.DRUG), (String) d.getFieldValue(Schema.SLUG)));
            }
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        return new Content(version, new DrugNames(drugs), drugs.size());
    }

    /** The version of the committed content, from the meta document alone: what the refresher looks at. */
    private long committedVersion() throws IOException {
        ModifiableSolrParams q = new ModifiableSolrParams();
        q.set("q", "*:*");
        q.set("fq", Schema.ID + ":\"" + SolrReindexer.META_ID + "\"");
        q.set("fl", SolrReindexer.META_COMMITTED);
        SolrDocumentList found = nodes.select(collection, q).getResults();
        return found.isEmpty() ? 0 : ((Number) found.get(0).getFieldValue(SolrReindexer.META_COMMITTED)).longValue();
    }

    /**
     * A new version is served once two reads in a row agree on it: a commit reaches the shards' replicas one after
     * the other, and a read made meanwhile may hold some monographs of each version.
     */
    private void refreshQuietly() {
        try {
            if (committedVersion() == content.version()) {
                lastRead = null;
                return;
            }
            Content read = read();
            Content previous = lastRead;
            lastRead = read;
            if (previous != null && previous.version() == read.version() && read.version() != content.version()) {
                content = read;
                log.info("Solr collection {}: new content version {}, {} monographs", collection, content.version(),
                        content.monographs());
            }
        } catch (IOException | RuntimeException e) {
            // Solr away or the collection moving: keep serving what is known; searches say so themselves.
            log.debug("content refresh failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
