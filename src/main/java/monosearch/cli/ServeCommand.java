package monosearch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.search.Warmup;
import monosearch.web.WebConfig;
import monosearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the JSON API. Builds the index from the corpus first when it is "
                + "missing or empty, and rebuilds it when it cannot be read; afterwards picks up every reindex "
                + "(made by the CLI in another process) within a second, without a restart.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options;

    @Mixin
    QueryOptions query;

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
            description = "Searches running at once before requests wait and then get 503 (default: 2 per core + 2).")
    int maxSearches;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "1000",
            description = "Time spent running representative searches before opening the port (default: ${DEFAULT-VALUE}; 0 for none).")
    long warmupMillis;

    @Override
    public Integer call() throws Exception {
        LiveIndex live = ServedIndex.open(options, refreshMillis);
        SearchService search = Services.searchService(live, query, linkTemplate);
        if (warmupMillis > 0) {
            new Warmup(search).run(2_000, warmupMillis, Runtime.getRuntime().availableProcessors());
        }
        WebConfig config = new WebConfig(host, port, logRequests, logQueries, corsOrigins, adminToken(),
                maxSearches > 0 ? maxSearches : WebConfig.DEFAULT_MAX_SEARCHES, WebConfig.DEFAULT_MAX_WAITING,
                WebConfig.DEFAULT_ADMISSION_WAIT_MILLIS, WebConfig.DEFAULT_MAX_THREADS);
        WebServer server = new WebServer(search, config,
                () -> Services.reindexer(options, System.err).run(Services.reindexOptions(options, false))).start();
        SearchService.IndexStats stats = search.stats();
        System.err.printf("monosearch: %d monographs (%d sections) from %s, serving on http://%s:%d/%n",
                stats.monographs(), stats.sections(), options.index, host, server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                live.close();
            } catch (Exception e) {
                // shutting down anyway
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** From the file, else the environment; never a plain flag value that `ps` would show. */
    private String adminToken() throws Exception {
        String token = adminTokenFile != null
                ? Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip()
                : System.getenv("MONOSEARCH_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            return null;
        }
        if (token.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters");
        }
        return token;
    }
}
