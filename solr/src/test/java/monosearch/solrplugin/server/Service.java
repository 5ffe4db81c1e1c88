package monosearch.solrplugin.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as its users run it: {@code java -jar monosearch.jar ...} in a JVM of its own (the Solr nodes'
 * Jetty and the service's cannot share one), from the jar the top-level build just made.
 */
final class Service implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://([^/]+)/");
    private static final long HANG_SECONDS = 180;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private Service(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> read(process.getInputStream()), "service-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        String jar = System.getProperty("monosearch.jar");
        if (jar == null) {
            throw new IllegalStateException("-Dmonosearch.jar=... (the service's jar) is not set; the top-level build sets it");
        }
        return Path.of(jar);
    }

    /** Starts {@code java -jar monosearch.jar ARGS}, its stdout and stderr read together. */
    static Service start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MONOSEARCH_"));
        return new Service(builder.start());
    }

    /** Runs a command to its end. */
    static Service run(String... args) throws Exception {
        Service s = start(args);
        s.exitStatus();
        return s;
    }

    int exitStatus() throws InterruptedException {
        if (!process.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not exit within " + HANG_SECONDS + " s:\n" + output());
        }
        synchronized (this) {
            while (!ended) {
                wait();
            }
        }
        return process.exitValue();
    }

    /** For {@code serve}: waits until it listens, and returns its base URL. */
    String awaitServing() throws InterruptedException {
        Matcher m = SERVING.matcher(await("serving on http://"));
        if (!m.find()) {
            throw new AssertionError("no address in the start line:\n" + output());
        }
        return "http://" + m.group(1);
    }

    /** The first line containing {@code text}; fails with everything said when the process ends first. */
    synchronized String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (lines.get(seen).contains(text)) {
                    return lines.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("the service never said '" + text + "'; it said:\n" + String.join("\n", lines));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void read(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was stopped: the end of its output.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** SIGTERM, as an operator's Ctrl-C or a service manager stops it: shutdown hooks run. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
