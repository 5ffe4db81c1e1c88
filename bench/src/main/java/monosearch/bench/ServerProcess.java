package monosearch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in a child JVM, launched as the README launches it ({@code java -Xmx256m -jar monosearch.jar
 * serve}), so its startup, heap and HTTP figures are those of a fresh process, not of the benchmark's JVM.
 */
final class ServerProcess implements AutoCloseable {
    /** One heap area's line of GC.heap_info: G1 prints one for the whole heap, ParallelGC one per generation. */
    private static final Pattern HEAP_USED = Pattern.compile("total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    /** Time from launching the JVM to the first answer of each kind. */
    record Startup(double healthSeconds, double firstSearchSeconds) {
    }

    /** Heap after a full GC, from {@code jcmd GC.heap_info}, in MB; committed is what the JVM holds. */
    record Heap(double usedMb, double committedMb, String raw) {
    }

    private final Process process;
    private final int port;
    private final Startup startup;
    private final Path log;

    private ServerProcess(Process process, int port, Startup startup, Path log) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        this.log = log;
    }

    /** A POST's answer. */
    record Answer(int status, String body) {
    }

    /**
     * Launches {@code java <jvmOptions> <launch...> serve --index <index> --corpus <corpus> --port <free> <serveArgs>}
     * with {@code env} added to the environment, and waits until /health and then a search answer.
     */
    static ServerProcess start(List<String> launch, List<String> jvmOptions, List<String> serveArgs, Map<String, String> env,
                               Path index, Path corpus, Path log, String firstQuery) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(List.of("serve", "--index", index.toString(), "--corpus", corpus.toString(),
                "--port", Integer.toString(port)));
        command.addAll(serveArgs);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500)).build();
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            double health = pollUntilOk(client, process, URI.create("http://127.0.0.1:" + port + "/health"), t0);
            double search = pollUntilOk(client, process, URI.create("http://127.0.0.1:" + port + "/api/search?q="
                    + URLEncoder.encode(firstQuery, StandardCharsets.UTF_8)), t0);
            return new ServerProcess(process, port, new Startup(health, search), log);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static double pollUntilOk(HttpClient client, Process process, URI uri, long t0) throws IOException {
        long deadline = t0 + STARTUP_LIMIT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with status " + process.exitValue() + " before answering " + uri);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("the server did not answer " + uri + " within " + STARTUP_LIMIT.toSeconds() + " s");
    }

    int port() {
        return port;
    }

    /** POSTs to the server with a bearer token and waits for the answer, however long the work takes. */
    Answer post(String path, String token) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    long pid() {
        return process.pid();
    }

    Startup startup() {
        return startup;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs a full GC in the server, then reads the heap in use. */
    Heap heapAfterGc() throws IOException {
        Path jcmd = javaBinary().resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return new Heap(Double.NaN, Double.NaN, "jcmd not found beside " + javaBinary());
        }
        run(List.of(jcmd.toString(), Long.toString(pid()), "GC.run"));
        String info = run(List.of(jcmd.toString(), Long.toString(pid()), "GC.heap_info"));
        return heapOf(info);
    }

    /** Heap used and committed from GC.heap_info's output: the sum over its heap areas. */
    static Heap heapOf(String info) {
        Matcher m = HEAP_USED.matcher(info);
        long committed = 0;
        long used = 0;
        boolean found = false;
        while (m.find()) {
            committed += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
            found = true;
        }
        return found ? new Heap(used / 1024.0, committed / 1024.0, info.strip())
                : new Heap(Double.NaN, Double.NaN, info.strip());
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The request log and messages of the server. */
    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
