package monosearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback load generator where wrk is missing: N virtual users, each a thread sending one request after
 * another over a keep-alive HTTP/1.1 connection of a shared client. It runs in the benchmark's JVM and so takes
 * more of the two cores than wrk does: its throughput figures are a lower bound.
 */
final class JavaHttpLoad implements HttpLoad.Generator {
    @Override
    public String name() {
        return "Java load generator (java.net.http, keep-alive, one thread per connection)";
    }

    @Override
    public HttpFigures run(String label, int port, List<String> paths, int connections, double seconds) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = new ArrayList<>(paths.size());
        for (String p : paths) {
            requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
                    .timeout(Duration.ofSeconds(10)).GET().build());
        }
        ExecutorService users = Executors.newFixedThreadPool(connections);
        AtomicLong errors = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Samples>> futures = new ArrayList<>();
        for (int u = 0; u < connections; u++) {
            int first = u * requests.size() / connections;
            futures.add(users.submit(() -> user(client, requests, first, go, seconds, errors)));
        }
        long t0 = System.nanoTime();
        go.countDown();
        List<Samples> all = new ArrayList<>();
        try {
            for (Future<Samples> f : futures) {
                all.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("load generator failed: " + e.getCause(), e.getCause());
        } finally {
            users.shutdownNow();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        LatencyStats latency = LatencyStats.ofNanos(Samples.merge(all));
        return new HttpFigures(label, "java", connections, elapsed, latency.count(), latency, errors.get());
    }

    private static Samples user(HttpClient client, List<HttpRequest> requests, int first, CountDownLatch go,
                                double seconds, AtomicLong errors) throws InterruptedException {
        Samples samples = new Samples();
        go.await();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int i = first;
        while (System.nanoTime() < end) {
            HttpRequest request = requests.get(i++ % requests.size());
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
            samples.add(System.nanoTime() - t0);
        }
        return samples;
    }
}
