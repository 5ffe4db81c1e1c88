package monosearch.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.web.AdminController;
import monosearch.web.WebConfig;
import monosearch.web.WebServer;

/** The real server on a free loopback port over a real index folder, plus a plain HTTP client for it. */
public final class RunningServer implements AutoCloseable {
    private final LiveIndex index;
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(LiveIndex index, WebServer server) {
        this.index = index;
        this.server = server;
    }

    public static RunningServer start(Path indexDir) throws IOException {
        return start(indexDir, null);
    }

    public static RunningServer start(Path indexDir, String linkTemplate) throws IOException {
        return start(indexDir, linkTemplate, WebConfig.loopback(0), null);
    }

    /** With a config of the test's own (its port is ignored: a free one is used) and an admin reindex action. */
    public static RunningServer start(Path indexDir, String linkTemplate, WebConfig config, AdminController.Reindex reindex)
            throws IOException {
        return startWith(indexDir, linkTemplate, config, WebServer.Parts.basic(reindex));
    }

    /** With the server's other parts (meters, ...) of the test's own. */
    public static RunningServer startWith(Path indexDir, String linkTemplate, WebConfig config, WebServer.Parts parts)
            throws IOException {
        return startWith(indexDir, config, parts, index -> SearchService.withDefaults(index, new Links(linkTemplate)));
    }

    /** Builds the search service over the index. */
    public interface ServiceFactory {
        SearchService create(LiveIndex index);
    }

    /** With a search service of the test's own making (a tiny time budget, other tables). */
    public static RunningServer startWith(Path indexDir, WebConfig config, WebServer.Parts parts, ServiceFactory service)
            throws IOException {
        LiveIndex index = LiveIndex.open(indexDir, 200);
        SearchService search = service.create(index);
        WebConfig onFreePort = new WebConfig("127.0.0.1", 0, config.logRequests(), config.logQueries(), config.corsOrigins(),
                config.adminToken(), config.maxSearches(), config.maxWaiting(), config.admissionWaitMillis(), config.maxThreads());
        WebServer server = new WebServer(() -> search, onFreePort, parts).start();
        return new RunningServer(index, server);
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public LiveIndex liveIndex() {
        return index;
    }

    @Override
    public void close() throws IOException {
        server.close();
        index.close();
    }
}
