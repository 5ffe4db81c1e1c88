package monosearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback load generator where wrk is missing: N virtual users, each a thread sending one request after
 * another over a keep-alive HTTP/1.1 connection of a shared client. It runs in the benchmark's JVM and so takes
 * more of the two cores than wrk does: its throughput figures are a lower bound.
 */
final class JavaHttpLoad implements HttpLoad.Generator {
    private static final Pattern TOOK = Pattern.compile("\"tookMs\":([-\\d.eE+]+)");

    /** Which request a user sends next: cycling from its own starting point, or the next unsent one of a shared list. */
    private interface Next {
        /** An index into the requests, or -1 when there is none left. */
        int next();
    }

    @Override
    public String name() {
        return "Java load generator (java.net.http, keep-alive, one thread per connection)";
    }

    @Override
    public HttpFigures run(String label, int port, List<String> paths, int connections, double seconds,
                           boolean serverTimes) throws IOException {
        List<Next> order = new ArrayList<>();
        for (int u = 0; u < connections; u++) {
            AtomicInteger i = new AtomicInteger(u * paths.size() / connections);
            order.add(() -> i.getAndIncrement() % paths.size());
        }
        return load(label, port, paths, order, seconds, serverTimes, 0);
    }

    @Override
    public HttpFigures runEach(String label, int port, List<String> paths, int connections, double limitSeconds)
            throws IOException {
        AtomicInteger shared = new AtomicInteger();
        List<Next> order = new ArrayList<>();
        for (int u = 0; u < connections; u++) {
            order.add(() -> {
                int i = shared.getAndIncrement();
                return i < paths.size() ? i : -1;
            });
        }
        return load(label, port, paths, order, limitSeconds, true, paths.size());
    }

    private HttpFigures load(String label, int port, List<String> paths, List<Next> order, double seconds,
                             boolean serverTimes, int planned) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = new ArrayList<>(paths.size());
        for (String p : paths) {
            requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
                    .timeout(Duration.ofSeconds(10)).GET().build());
        }
        ExecutorService users = Executors.newFixedThreadPool(order.size());
        Errors errors = new Errors();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Samples[]>> futures = new ArrayList<>();
        for (Next next : order) {
            futures.add(users.submit(() -> user(client, requests, next, go, seconds, errors, serverTimes)));
        }
        long t0 = System.nanoTime();
        go.countDown();
        List<Samples> all = new ArrayList<>();
        List<Samples> took = new ArrayList<>();
        try {
            for (Future<Samples[]> f : futures) {
                Samples[] s = f.get();
                all.add(s[0]);
                took.add(s[1]);
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
        return new HttpFigures(label, "java", order.size(), elapsed, latency.count(), latency, errors.total(), errors.kinds(), planned,
                LatencyStats.ofNanos(Samples.merge(took)));
    }

    private static Samples[] user(HttpClient client, List<HttpRequest> requests, Next next, CountDownLatch go,
                                  double seconds, Errors errors, boolean serverTimes) throws InterruptedException {
        Samples samples = new Samples();
        Samples took = new Samples();
        go.await();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int i;
        while (System.nanoTime() < end && (i = next.next()) >= 0) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2) {
                    errors.status(response.statusCode());
                } else if (serverTimes) {
                    Matcher m = TOOK.matcher(new String(response.body(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        took.add(Math.round(Double.parseDouble(m.group(1)) * 1e6));
                    }
                }
            } catch (IOException e) {
                errors.socket(e);
            }
            samples.add(System.nanoTime() - t0);
        }
        return new Samples[] {samples, took};
    }

    /** Failed requests by kind: the exception's class for a failed exchange, the code for an answer that is no success. */
    private static final class Errors {
        private final java.util.concurrent.ConcurrentSkipListMap<String, AtomicLong> kinds = new java.util.concurrent.ConcurrentSkipListMap<>();

        void status(int code) {
            count("status " + code);
        }

        void socket(IOException e) {
            count(e.getClass().getSimpleName());
        }

        private void count(String kind) {
            kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return kinds.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String kinds() {
            List<String> out = new ArrayList<>();
            kinds.forEach((k, n) -> out.add(k + " ×" + n.get()));
            return String.join(", ", out);
        }
    }
}
