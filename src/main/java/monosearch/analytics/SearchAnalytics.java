package monosearch.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import monosearch.search.QueryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts of what is searched, per day (UTC) and query key: searches, searches that found nothing, results opened.
 * Nothing else is kept: no time of day, no address, no cookie, no user. Written every minute and on close, each
 * time as a new file renamed over the old one, so a crash loses at most the last minute and never leaves half a
 * file. Days past the retention are dropped.
 */
public final class SearchAnalytics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchAnalytics.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long FLUSH_SECONDS = 60;
    /** Distinct queries kept per day, at most: a flood of odd queries must not fill the memory or the disk. */
    static final int MAX_QUERIES_PER_DAY = 100_000;
    private static final int SEARCHES = 0;
    private static final int ZERO = 1;
    private static final int OPENED = 2;

    private final AnalyticsSettings settings;
    private final Clock clock;
    private final TreeMap<LocalDate, Map<String, long[]>> days;
    private final ScheduledExecutorService flusher;
    private boolean dirty;

    private SearchAnalytics(AnalyticsSettings settings, Clock clock, TreeMap<LocalDate, Map<String, long[]>> days,
                            boolean flushing) {
        this.settings = settings;
        this.clock = clock;
        this.days = days;
        this.flusher = flushing ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analytics-flush");
            t.setDaemon(true);
            return t;
        }) : null;
        if (flusher != null) {
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Counting, from the file's counts if it exists; nothing at all when analytics are off. */
    public static SearchAnalytics open(AnalyticsSettings settings) throws IOException {
        if (!settings.enabled()) {
            return off();
        }
        return new SearchAnalytics(settings, Clock.systemUTC(), load(settings.file()), true);
    }

    /** Counting nothing: analytics off. */
    public static SearchAnalytics off() {
        return new SearchAnalytics(AnalyticsSettings.off(), Clock.systemUTC(), new TreeMap<>(), false);
    }

    /** The report from the file alone, for the {@code analytics} command. */
    public static AnalyticsReport read(AnalyticsSettings settings, int limit) throws IOException {
        return new SearchAnalytics(settings, Clock.systemUTC(), load(settings.file()), false).report(limit);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** A first page of results was served for this query, with this many matches. */
    public synchronized void searched(String query, long total) {
        if (!settings.enabled()) {
            return;
        }
        String key = QueryKey.of(query);
        Map<String, long[]> today = days.computeIfAbsent(today(), d -> new HashMap<>());
        long[] counts = today.get(key);
        if (counts == null) {
            if (key.isEmpty() || today.size() >= MAX_QUERIES_PER_DAY) {
                return;
            }
            counts = new long[3];
            today.put(key, counts);
        }
        counts[SEARCHES]++;
        if (total == 0) {
            counts[ZERO]++;
        }
        dirty = true;
    }

    /**
     * A result of this query was opened. Counted only for a query searched within the days kept: a beacon is easily
     * sent by hand, and must not put text of its own into the counts.
     */
    public synchronized void opened(String query) {
        if (!settings.enabled()) {
            return;
        }
        String key = QueryKey.of(query);
        LocalDate today = today();
        boolean searched = days.values().stream().anyMatch(d -> d.containsKey(key));
        if (!searched) {
            return;
        }
        days.computeIfAbsent(today, d -> new HashMap<>()).computeIfAbsent(key, k -> new long[3])[OPENED]++;
        dirty = true;
    }

    /** Queries asked at least the minimum count of times over the days kept, {@code limit} of each kind. */
    public synchronized AnalyticsReport report(int limit) {
        dropExpired();
        Map<String, QueryCounts> totals = new HashMap<>();
        for (Map<String, long[]> day : days.values()) {
            day.forEach((q, c) -> totals.merge(q, new QueryCounts(q, c[SEARCHES], c[ZERO], c[OPENED]), QueryCounts::plus));
        }
        List<QueryCounts> shown = totals.values().stream().filter(c -> c.searches() >= settings.minCount()).toList();
        return new AnalyticsReport(settings.days(), settings.minCount(),
                ranked(shown, c -> true, Comparator.comparingLong(QueryCounts::searches), limit),
                ranked(shown, c -> c.zeroResults() > 0, Comparator.comparingLong(QueryCounts::zeroResults), limit),
                ranked(shown, c -> c.opened() == 0 && c.zeroResults() < c.searches(),
                        Comparator.comparingLong(QueryCounts::searches), limit));
    }

    private static List<QueryCounts> ranked(List<QueryCounts> all, Predicate<QueryCounts> keep,
                                            Comparator<QueryCounts> by, int limit) {
        return all.stream().filter(keep).sorted(by.reversed().thenComparing(QueryCounts::query)).limit(limit).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void dropExpired() {
        LocalDate first = today().minusDays(settings.days() - 1L);
        if (days.headMap(first).isEmpty()) {
            return;
        }
        days.headMap(first).clear();
        dirty = true;
    }

    /** Writes the counts if they changed: a new file beside the old one, synced, then renamed over it. */
    public synchronized void flush() throws IOException {
        dropExpired();
        if (!settings.enabled() || !dirty) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode byDay = root.putObject("days");
        days.forEach((day, queries) -> {
            ObjectNode d = byDay.putObject(day.toString());
            new TreeMap<>(queries).forEach((q, c) -> {
                ArrayNode a = d.putArray(q);
                a.add(c[SEARCHES]).add(c[ZERO]).add(c[OPENED]);
            });
        });
        Path file = settings.file().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        dirty = false;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            log.error("search analytics not written to {} ({}); trying again in a minute", settings.file(), e.toString());
        }
    }

    private static TreeMap<LocalDate, Map<String, long[]>> load(Path file) throws IOException {
        TreeMap<LocalDate, Map<String, long[]>> days = new TreeMap<>();
        if (!Files.exists(file)) {
            return days;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("the analytics file " + file + " cannot be read (" + e.getMessage()
                    + "); move it aside to start counting anew", e);
        }
        JsonNode byDay = root == null ? null : root.get("days");
        if (byDay == null || !byDay.isObject()) {
            throw new IOException("the analytics file " + file + " is not one monosearch wrote; move it aside to start anew");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = byDay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> day = it.next();
            Map<String, long[]> queries = new HashMap<>();
            day.getValue().fields().forEachRemaining(q -> queries.put(q.getKey(),
                    new long[] {q.getValue().path(SEARCHES).asLong(), q.getValue().path(ZERO).asLong(),
                            q.getValue().path(OPENED).asLong()}));
            try {
                days.put(LocalDate.parse(day.getKey()), queries);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("the analytics file " + file + " has a day that is not a date: " + day.getKey());
            }
        }
        return days;
    }

    @Override
    public void close() throws IOException {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flush();
    }
}
