package monosearch.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import monosearch.search.SearchResult;
import monosearch.search.ResultCache;
import monosearch.search.SearchBackend;

/**
 * What the server counts, for Prometheus at {@code GET /metrics}: requests by route and status, search latency
 * (whole and per phase), the admission queue, the index served, reindex runs, and the JVM. Turned off, every meter
 * is a no-op and there is no route.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Bucket bounds of the latency histograms: a few, so a scrape stays small, around the times searches take. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5)};
    private static final Duration[] REINDEX_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60),
            Duration.ofSeconds(300)};

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final JvmGcMetrics gc;
    private final Timer search;
    private final Timer[] phases;

    private ServerMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
        if (prometheus != null) {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            this.gc = new JvmGcMetrics();
            gc.bindTo(registry);
        } else {
            this.gc = null;
        }
        this.search = Timer.builder("monosearch.search").description("Searches answered, by time taken")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        this.phases = new Timer[4];
        String[] names = {"plan", "count", "rank", "snippets"};
        for (int i = 0; i < names.length; i++) {
            phases[i] = Timer.builder("monosearch.search.phase").description("Time searches spend in each phase")
                    .tag("phase", names[i]).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        }
    }

    /** Meters in the Prometheus registry, scraped at {@code /metrics}. */
    public static ServerMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new ServerMetrics(registry, registry);
    }

    /** No meters, no route: {@code --no-metrics}. */
    public static ServerMetrics off() {
        return new ServerMetrics(new CompositeMeterRegistry(), null);
    }

    public boolean enabled() {
        return prometheus != null;
    }

    /** The text exposition of every meter. */
    String scrape() {
        return prometheus == null ? "" : prometheus.scrape();
    }

    void request(String method, String route, int status, double millis) {
        Timer.builder("monosearch.http.requests").description("HTTP requests, by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** One search answered: its whole time, and each of its phases. */
    void search(long nanos, SearchResult.Timings timings) {
        search.record(nanos, TimeUnit.NANOSECONDS);
        phases[0].record(timings.plan(), TimeUnit.NANOSECONDS);
        phases[1].record(timings.count(), TimeUnit.NANOSECONDS);
        phases[2].record(timings.rank(), TimeUnit.NANOSECONDS);
        phases[3].record(timings.snippets(), TimeUnit.NANOSECONDS);
    }

    /** One reindex run inside the server: who asked (admin, watch, tables), how it ended, how long it took. */
    public void reindex(String trigger, String outcome, long nanos) {
        Timer.builder("monosearch.reindex").description("Reindex runs inside the server, by trigger and outcome")
                .tags("trigger", trigger, "outcome", outcome).serviceLevelObjectives(REINDEX_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void admission(Admission admission) {
        Gauge.builder("monosearch.admission.waiting", admission, Admission::waiting)
                .description("Searches waiting for a place").register(registry);
        Gauge.builder("monosearch.admission.running", admission, Admission::running)
                .description("Searches running").register(registry);
        FunctionCounter.builder("monosearch.admission.rejected", admission, Admission::rejected)
                .description("Searches turned away with 503").register(registry);
    }

    /** What the result cache has answered and holds, read at each scrape. */
    public void cache(ResultCache cache) {
        FunctionCounter.builder("monosearch.cache.hits", cache, c -> c.stats().hits())
                .description("Searches answered from the result cache").register(registry);
        FunctionCounter.builder("monosearch.cache.misses", cache, c -> c.stats().misses())
                .description("Searches the result cache did not hold (and ran)").register(registry);
        FunctionCounter.builder("monosearch.cache.evictions", cache, c -> c.stats().evictions())
                .description("Answers dropped to keep the cache within its memory").register(registry);
        Gauge.builder("monosearch.cache.entries", cache, c -> c.stats().entries())
                .description("Answers held").register(registry);
        Gauge.builder("monosearch.cache.size", cache, c -> c.stats().bytes()).baseUnit("bytes")
                .description("Estimated memory of the answers held").register(registry);
        Gauge.builder("monosearch.cache.max.size", cache, c -> c.stats().maxBytes()).baseUnit("bytes")
                .description("Memory the cache may use (0: no cache)").register(registry);
    }

    /** Gauges of the index being served, read at each scrape. */
    void index(Supplier<SearchBackend> search) {
        indexGauge("monosearch.index.version", "Generation of the commit served", search, s -> s.version());
        indexGauge("monosearch.index.monographs", "Monographs served", search, s -> s.monographs());
        indexGauge("monosearch.index.sections", "Sections served", search, s -> s.sections());
        Gauge.builder("monosearch.index.last.commit.age", search, source -> {
                    long committed = stats(source).committedMillis();
                    return committed <= 0 ? Double.NaN : (System.currentTimeMillis() - committed) / 1000.0;
                }).baseUnit("seconds").description("Seconds since the served index was committed").register(registry);
    }

    private void indexGauge(String name, String description, Supplier<SearchBackend> search,
                            ToDoubleFunction<SearchBackend.IndexStats> value) {
        Gauge.builder(name, search, source -> value.applyAsDouble(stats(source))).description(description)
                .register(registry);
    }

    private static SearchBackend.IndexStats stats(Supplier<SearchBackend> source) {
        try {
            return source.get().stats();
        } catch (IOException | RuntimeException e) {
            return new SearchBackend.IndexStats(0, 0, 0, 0, "");
        }
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
