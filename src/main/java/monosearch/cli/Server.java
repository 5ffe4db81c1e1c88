package monosearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import monosearch.analytics.QueryCounts;
import monosearch.analytics.SearchAnalytics;
import monosearch.index.CorpusWatcher;
import monosearch.index.ReindexSummary;
import monosearch.monograph.SectionNames;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.ResultCache;
import monosearch.search.SearchBackend;
import monosearch.search.SearchService;
import monosearch.search.Warmup;
import monosearch.solr.SolrNodes;
import monosearch.solr.SolrSearch;
import monosearch.solr.SolrTarget;
import monosearch.web.AdminController;
import monosearch.web.Pins;
import monosearch.web.ReindexRunner;
import monosearch.web.ServerMetrics;
import monosearch.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** A running {@code serve}: the index, the live tables, the web server, and what else the settings ask for. */
public final class Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Server.class);
    /** How often the table files are looked at: a saved table is in use within a second. */
    private static final long TABLE_WATCH_MILLIS = 500;
    /** The most searched queries (from analytics) the warm-up starts with. */
    private static final int WARMUP_POPULAR = 200;
    /** Searches the warm-up runs at most; its time (--warmup-ms) ends it first on any real corpus. */
    private static final int WARMUP_MAX_SEARCHES = 20_000;

    private final WebServer web;
    /** Closed in reverse order of opening. */
    private final List<AutoCloseable> parts;

    private Server(WebServer web, List<AutoCloseable> parts) {
        this.web = web;
        this.parts = parts;
    }

    /** Starts a server as {@code serve ARGS} would, and returns once it answers. */
    public static Server start(String... args) throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return start(command.settings());
    }

    static Server start(ServeSettings settings) throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            return start(settings, parts);
        } catch (Exception | Error e) {
            closeAll(parts);
            throw e;
        }
    }

    private static Server start(ServeSettings settings, List<AutoCloseable> parts) throws Exception {
        if (settings.solr() != null) {
            return startOnSolr(settings, parts);
        }
        IndexSettings index = settings.index();
        TableFiles files = settings.tables();
        // First, so an analytics file that cannot be read stops the start before any index is built.
        SearchAnalytics analytics = SearchAnalytics.open(settings.analytics());
        parts.add(analytics);
        if (settings.analytics().enabled() && settings.web().adminToken() == null) {
            log.warn("--analytics without an admin token: queries are counted, but GET /api/admin/analytics does not "
                    + "exist; read them with the analytics command");
        }
        // Reading the query tables, opening the index, and setting up the web server (mostly class loading)
        // don't depend on each other: on two cores, doing them side by side starts the server sooner.
        CompletableFuture<Services.QueryTables> query = background(
                () -> Services.queryTables(files.intents(), files.synonyms()));
        SectionNames sectionNames = Services.sectionNames(files.sections());
        LiveIndex live = ServedIndex.open(index, sectionNames, settings.refreshMillis());
        parts.add(live);
        ServerMetrics metrics = settings.metrics() ? ServerMetrics.prometheus() : ServerMetrics.off();
        ReindexRunner reindexes = new ReindexRunner(metrics);
        Links links = new Links(settings.linkTemplate());
        ResultCache cache = new ResultCache(settings.cacheBytes());
        metrics.cache(cache);
        LiveTables tables = new LiveTables(files, sectionNames, await(query),
                (synonyms, intents) -> new SearchService(live, synonyms, intents, links, SearchService.DEFAULT_BUDGET_MILLIS, cache),
                names -> reindexQuietly(reindexes, "tables", () -> {
                    ReindexSummary summary = Services.reindexer(names, log::info).run(Services.reindexOptions(index, true));
                    live.refresh();
                    return summary;
                }));
        parts.add(tables);
        tables.loadPins();
        tables.watch(TABLE_WATCH_MILLIS);
        AdminController.Reindex reindex = () -> {
            ReindexSummary summary = Services.reindexer(tables.sections(), log::info).run(Services.reindexOptions(index, false));
            live.refresh();
            return summary;
        };
        if (settings.watch().enabled()) {
            parts.add(new CorpusWatcher(index.corpus(), settings.watch().quietMillis(),
                    () -> reindexQuietly(reindexes, "watch", reindex)).start());
            log.info("watching {} for changes", index.corpus());
        }
        CompletableFuture<WebServer> web = background(() -> new WebServer(tables::search, settings.web(),
                new WebServer.Parts(metrics, reindexes, reindex, tables::reloadAll, analytics, tables::pins, links)));
        SearchBackend search = tables.search();
        warmUp(settings, analytics, search);
        WebServer server = await(web).start();
        parts.add(server);
        SearchBackend.IndexStats stats = search.stats();
        log.info("{} monographs ({} sections) from {}, serving on http://{}:{}/", stats.monographs(), stats.sections(),
                index.index(), settings.web().host(), server.port());
        return new Server(server, parts);
    }

    /**
     * The same API and page, answered from a SolrCloud collection. The index, its reindexes and the editable query
     * tables belong to Solr's side then (reindex --solr, the configset); the pins file and analytics stay here.
     */
    private static Server startOnSolr(ServeSettings settings, List<AutoCloseable> parts) throws Exception {
        SolrTarget target = settings.solr();
        SolrNodes nodes = SolrNodes.forServing(target.nodes());
        parts.add(nodes);
        nodes.checkReachable();
        SearchAnalytics analytics = SearchAnalytics.open(settings.analytics());
        parts.add(analytics);
        Links links = new Links(settings.linkTemplate());
        SolrSearch search = SolrSearch.open(nodes, target.collection(), links, settings.refreshMillis());
        parts.add(search);
        Pins pins = settings.tables().pins() == null ? Pins.none() : Pins.load(settings.tables().pins());
        pins.problems(settings.tables().pins() == null ? "" : settings.tables().pins().toString(), search)
                .forEach(p -> log.warn("pin does nothing: {}", p));
        ServerMetrics metrics = settings.metrics() ? ServerMetrics.prometheus() : ServerMetrics.off();
        WebServer web = new WebServer(() -> search, settings.web(),
                new WebServer.Parts(metrics, new ReindexRunner(metrics), null, null, analytics, () -> pins, links));
        warmUp(settings, analytics, search);
        WebServer server = web.start();
        parts.add(server);
        SearchBackend.IndexStats stats = search.stats();
        log.info("{} monographs ({} sections) from Solr collection {} at {}, serving on http://{}:{}/", stats.monographs(),
                stats.sections(), target.collection(), String.join(",", target.nodes()), settings.web().host(), server.port());
        return new Server(server, parts);
    }

    /** Representative searches before the port opens, the most searched first: the JIT compiles the hot code. */
    private static void warmUp(ServeSettings settings, SearchAnalytics analytics, SearchBackend search) throws Exception {
        if (settings.warmupMillis() > 0) {
            List<String> popular = analytics.enabled()
                    ? analytics.report(WARMUP_POPULAR).top().stream().map(QueryCounts::query).toList() : List.of();
            int ran = Warmup.of(search, popular).run(WARMUP_MAX_SEARCHES, settings.warmupMillis(),
                    Runtime.getRuntime().availableProcessors());
            log.info("warm-up: {} searches in at most {} ms ({} of them the most searched)", ran, settings.warmupMillis(),
                    Math.min(ran, popular.size()));
        }
    }

    public int port() {
        return web.port();
    }

    /** For reindexes nobody waits on: the runner has logged and counted a failure, and the index served is as it was. */
    private static void reindexQuietly(ReindexRunner runner, String trigger, AdminController.Reindex reindex) {
        try {
            runner.run(trigger, reindex);
        } catch (Exception e) {
            // logged by the runner
        }
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        parts.clear();
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> background(Step<T> step) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The step's result, or what it threw, as if it had run here. */
    private static <T> T await(CompletableFuture<T> step) throws Exception {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

}
