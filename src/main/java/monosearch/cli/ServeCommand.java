package monosearch.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import monosearch.web.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the JSON API. Builds the index from the corpus first when it is "
                + "missing or empty, and rebuilds it when it cannot be read; afterwards picks up every reindex "
                + "(made by the CLI in another process) within a second, without a restart. With --solr, answers "
                + "from a SolrCloud collection instead (filled by reindex --solr), spreading requests over its nodes.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    IndexOptions options;

    @Mixin
    QueryOptions query;

    @Mixin
    SolrOptions solr;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:MONOSEARCH_HOST:-127.0.0.1}",
            description = "Interface to listen on; 0.0.0.0 for the intranet (env MONOSEARCH_HOST; default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:MONOSEARCH_PORT:-7070}",
            description = "TCP port (env MONOSEARCH_PORT; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--link-template", paramLabel = "TEMPLATE", defaultValue = "${env:MONOSEARCH_LINK_TEMPLATE}",
            description = "Where hits link to, e.g. https://intranet.example/composition/{path}/#{anchor}; "
                    + "placeholders {slug}, {path} (source path without extension), {anchor}. "
                    + "Default: monosearch's own monograph pages.")
    String linkTemplate;

    @Option(names = "--refresh-ms", paramLabel = "MS", defaultValue = "500",
            description = "How often to look for a new index version (default: ${DEFAULT-VALUE}).")
    long refreshMillis;

    @Option(names = "--log-requests", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "One line per request on stderr: method, path, status, time (default: on).")
    boolean logRequests;

    @Option(names = "--log-queries", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Include the query string in the request log; queries may hold patient details (default: off).")
    boolean logQueries;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "An origin (https://host[:port]) whose pages may call the API; repeat for several. Default: none.")
    List<String> corsOrigins = List.of();

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "File holding the token that enables POST /api/reindex (Authorization: Bearer <token>). "
                    + "Or set MONOSEARCH_ADMIN_TOKEN. Without either, the route does not exist.")
    Path adminTokenFile;

    @Option(names = "--max-searches", paramLabel = "N", defaultValue = "0",
            description = "Searches running at once before requests wait and then get 503 (default: one per core; "
                    + "with --solr, 2 per core + 2).")
    int maxSearches;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Time spent running representative searches before opening the port (default: ${DEFAULT-VALUE}; 0 for none).")
    long warmupMillis;

    @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "${env:MONOSEARCH_CACHE_MB:-32}",
            description = "Memory for answers already given, kept until the next index version: popular queries and "
                    + "the prefixes typed on the way to them are answered from it (env MONOSEARCH_CACHE_MB; "
                    + "default: ${DEFAULT-VALUE}; 0 for none).")
    long cacheMb;

    @Option(names = "--metrics", negatable = true, defaultValue = "${env:MONOSEARCH_METRICS:-true}", fallbackValue = "true",
            description = "Prometheus metrics at GET /metrics (env MONOSEARCH_METRICS; default: on).")
    boolean metrics;

    @Option(names = "--watch", negatable = true, defaultValue = "${env:MONOSEARCH_WATCH:-false}", fallbackValue = "true",
            description = "Reindex inside the server when files of the corpus change (env MONOSEARCH_WATCH; default: off).")
    boolean watch;

    @Option(names = "--watch-quiet-ms", paramLabel = "MS", defaultValue = "300",
            description = "With --watch: how long the corpus must stay unchanged before the reindex (default: ${DEFAULT-VALUE}).")
    long watchQuietMillis;

    @Option(names = "--pins", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_PINS}",
            description = "Pinned answers, reloaded when the file changes: lines 'query => slug#anchor' put that section "
                    + "first for that query, 'query => -slug#anchor' hides it (env MONOSEARCH_PINS).")
    Path pins;

    @Option(names = "--analytics", negatable = true, defaultValue = "${env:MONOSEARCH_ANALYTICS:-false}", fallbackValue = "true",
            description = "Count queries (aggregated per day: query text and counts only) for GET /api/admin/analytics "
                    + "and the analytics command (env MONOSEARCH_ANALYTICS; default: off).")
    boolean analytics;

    @Mixin
    AnalyticsOptions analyticsOptions;

    @Option(names = "--exit-after-start",
            description = "Start, answer one search and the page over loopback, and exit: checks a set-up "
                    + "(the build uses it to record a class-data archive for faster starts).")
    boolean exitAfterStart;

    /** The flags and environment as one checked settings object; nothing is opened or built yet. */
    ServeSettings settings() throws IOException {
        IndexSettings index = options.settings();
        WebConfig web = new WebConfig(host, port, logRequests, logQueries, corsOrigins, adminToken(),
                maxSearches > 0 ? maxSearches : solr.target() == null ? WebConfig.DEFAULT_MAX_SEARCHES
                        : WebConfig.DEFAULT_MAX_REMOTE_SEARCHES, WebConfig.DEFAULT_MAX_WAITING,
                WebConfig.DEFAULT_ADMISSION_WAIT_MILLIS, WebConfig.DEFAULT_MAX_THREADS);
        return new ServeSettings(index, new TableFiles(index.sections(), query.intents, query.synonyms, pins), web,
                metrics, new ServeSettings.Watch(watch, watchQuietMillis), analyticsOptions.settings(analytics),
                linkTemplate, refreshMillis, warmupMillis, cacheMb * ServeSettings.MB, exitAfterStart, solr.target());
    }

    @Override
    public Integer call() throws Exception {
        ServeSettings settings = settings();
        Server server = Server.start(settings);
        if (settings.exitAfterStart()) {
            try (server) {
                selfCheck(settings.web().host(), server.port());
            }
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * One search and the page over loopback, as a user would: proves the server answers, and loads the classes
     * a request needs (the build records them in a class-data archive that makes later starts faster).
     */
    private static void selfCheck(String host, int boundPort) throws IOException {
        String at = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        for (String path : List.of("/api/search?q=side+effects", "/")) {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + at + ":" + boundPort + path).toURL().openConnection();
            try {
                int status = c.getResponseCode();
                c.getInputStream().readAllBytes();
                if (status != 200) {
                    throw new IOException("GET " + path + " answered " + status);
                }
            } finally {
                c.disconnect();
            }
        }
        log.info("answered a search and the page; exiting (--exit-after-start)");
    }

    /** From the file, else the environment; never a plain flag value that `ps` would show. */
    private String adminToken() throws IOException {
        String token = adminTokenFile != null
                ? Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip()
                : System.getenv("MONOSEARCH_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            return null;
        }
        return token;
    }
}
