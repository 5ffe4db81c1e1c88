package monosearch.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import monosearch.cli.Server;

/**
 * {@code serve ARGS} as an operator starts it, on a free loopback port, in this JVM (a JVM of its own would take
 * seconds more per test on two loaded cores); what it logs is read from the test log.
 */
public final class Serving implements AutoCloseable {
    private final TestLog log;
    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Serving(TestLog log, Server server) {
        this.log = log;
        this.server = server;
    }

    /** Starts serve with these arguments besides loopback, a free port and no warm-up; returns once it answers. */
    public static Serving start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--warmup-ms", "0"));
        all.addAll(List.of(args));
        TestLog log = new TestLog();
        return new Serving(log, Server.start(all.toArray(String[]::new)));
    }

    public String log() {
        return log.text();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * How long a test waits for something the server does in the background (a reload, a watched reindex, a
     * count): only against a hang. What is tested is that it happens, not how fast: on two loaded cores a step of
     * a second can take ten.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Asks the condition every 50 ms until it holds or {@link #PATIENCE} is spent; true if it held. */
    public static boolean eventually(Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return condition.holds();
    }

    public interface Condition {
        boolean holds() throws Exception;
    }

    @Override
    public void close() {
        server.close();
    }
}
