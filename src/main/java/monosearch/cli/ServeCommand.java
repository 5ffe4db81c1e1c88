package monosearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import monosearch.index.ReindexSummary;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.web.WebConfig;
import monosearch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the JSON API. Builds the index from the corpus first when it is "
                + "missing or empty; afterwards picks up every reindex (made by the CLI in another process) within "
                + "a second, without a restart.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options;

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

    @Option(names = "--intents", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_INTENTS}",
            description = "Query intent table (words that ask for a kind of section) instead of the bundled one.")
    Path intents;

    @Option(names = "--refresh-ms", paramLabel = "MS", defaultValue = "500",
            description = "How often to look for a new index version (default: ${DEFAULT-VALUE}).")
    long refreshMillis;

    @Option(names = "--log-requests", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "One line per request on stderr: method, path, status, time (default: on).")
    boolean logRequests;

    @Option(names = "--log-queries", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Include the query string in the request log; queries may hold patient details (default: off).")
    boolean logQueries;

    @Override
    public Integer call() throws Exception {
        if (!IndexCheck.hasIndex(options.index)) {
            System.err.println("no index at " + options.index + " yet; building it from " + options.corpus);
            ReindexSummary summary = Services.reindexer(options, System.err).run(Services.reindexOptions(options, false));
            System.err.println(Summaries.describe(summary));
        }
        LiveIndex live = LiveIndex.open(options.index, refreshMillis);
        SearchService search = Services.searchService(live, intents, linkTemplate);
        WebConfig config = new WebConfig(host, port, logRequests, logQueries, List.of());
        WebServer server = new WebServer(search, config).start();
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
}
