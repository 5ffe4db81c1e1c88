package monosearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers already given, for the searches people repeat: popular queries and the prefixes typed on the way to
 * them. An answer is kept for one index version only (a commit empties the cache), for the request exactly as
 * asked (the text as typed: a trailing space or a capital changes what a search reads), and within a bound on
 * the memory its entries take, the least recently used going first.
 */
public final class ResultCache {
    /** What the cache has done since the server started, and holds now. */
    public record Stats(long hits, long misses, long evictions, long entries, long bytes, long maxBytes) {
    }

    private record Key(String query, List<String> sections, List<String> drugs, int limit, int offset) {
        static Key of(SearchRequest r) {
            return new Key(r.query(), r.sections(), r.drugs(), r.limit(), r.offset());
        }
    }

    private record Entry(SearchResult result, long bytes) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long version = Long.MIN_VALUE;
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /** A cache holding at most about {@code maxBytes} of answers; 0 keeps nothing. */
    public ResultCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a result cache cannot be smaller than 0 bytes");
        }
        this.maxBytes = maxBytes;
    }

    public static ResultCache off() {
        return new ResultCache(0);
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The answer given to this request on this index version, or null. */
    synchronized SearchResult get(long indexVersion, SearchRequest request) {
        if (!enabled()) {
            return null;
        }
        moveTo(indexVersion);
        Entry e = entries.get(Key.of(request));
        if (e == null) {
            misses++;
            return null;
        }
        hits++;
        return e.result();
    }

    /** Keeps a complete answer; one cut short by the time budget is never kept, nor one larger than the cache. */
    synchronized void put(long indexVersion, SearchRequest request, SearchResult result) {
        if (!enabled() || result.partial()) {
            return;
        }
        moveTo(indexVersion);
        long size = sizeOf(request, result);
        if (size > maxBytes) {
            return;
        }
        Entry old = entries.put(Key.of(request), new Entry(result, size));
        bytes += size - (old == null ? 0 : old.bytes());
        var eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
            evictions++;
        }
    }

    /** Forgets every answer: the tables that read queries changed, so the same request may now rank otherwise. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, evictions, entries.size(), bytes, maxBytes);
    }

    private void moveTo(long indexVersion) {
        if (indexVersion != version) {
            clear();
            version = indexVersion;
        }
    }

    /**
     * Roughly what an answer holds on the heap: two bytes a character of its strings plus a fixed cost for each
     * object. The bound is on this estimate, so it is kept somewhat above what is really used.
     */
    static long sizeOf(SearchRequest request, SearchResult result) {
        long chars = request.query().length() + length(result.suggestion());
        for (String s : request.sections()) {
            chars += s.length();
        }
        for (String d : request.drugs()) {
            chars += d.length();
        }
        long objects = 12;
        for (SearchResult.Hit h : result.hits()) {
            chars += length(h.drug()) + length(h.slug()) + length(h.section()) + length(h.heading()) + length(h.anchor())
                    + length(h.url()) + length(h.snippet());
            for (String p : h.path()) {
                chars += p.length();
            }
            objects += 10 + h.path().size();
        }
        for (SearchResult.FacetValue f : result.facets().section()) {
            chars += f.value().length();
            objects += 2;
        }
        return 2 * chars + 48 * objects;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** For tests: the entries' keys, least recently used first. */
    synchronized List<String> queriesHeld() {
        return entries.keySet().stream().map(Key::query).toList();
    }

    @Override
    public String toString() {
        Stats s = stats();
        return "ResultCache" + Map.of("hits", s.hits(), "misses", s.misses(), "entries", s.entries(), "bytes", s.bytes());
    }
}
