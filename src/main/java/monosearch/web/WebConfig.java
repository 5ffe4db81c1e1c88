package monosearch.web;

import java.util.List;

/**
 * How the HTTP server runs.
 *
 * @param host         interface to bind; 127.0.0.1 unless the intranet should reach it
 * @param port         TCP port; 0 picks a free one
 * @param logRequests  one line per request on stderr
 * @param logQueries   include the query text in that line (queries may hold patient details)
 * @param corsOrigins  origins allowed to call the API from a browser; empty for none
 * @param adminToken   token for POST /api/reindex; null leaves that route out
 * @param maxSearches  searches running at once; more wait, up to {@code maxWaiting} of them, for at most
 *                     {@code admissionWaitMillis}; beyond that they get 503
 * @param maxWaiting   requests that may wait for a place
 * @param admissionWaitMillis how long a request may wait for a place
 * @param maxThreads   request threads
 */
public record WebConfig(String host, int port, boolean logRequests, boolean logQueries, List<String> corsOrigins,
                        String adminToken, int maxSearches, int maxWaiting, long admissionWaitMillis, int maxThreads) {
    /**
     * Searches of the embedded index at once: one per core. They only use the CPU, so more at once only share
     * it: on 2 cores at 16 connections, 6 at once answered 423 searches/s with a server-side p50 of 4.6 ms, 2 at
     * once 482/s and 2.4 ms (docs/performance.md).
     */
    public static final int DEFAULT_MAX_SEARCHES = Runtime.getRuntime().availableProcessors();
    /** Searches sent to SolrCloud at once: they mostly wait on the network, so more of them run. */
    public static final int DEFAULT_MAX_REMOTE_SEARCHES = 2 * Runtime.getRuntime().availableProcessors() + 2;
    public static final int DEFAULT_MAX_WAITING = 128;
    public static final long DEFAULT_ADMISSION_WAIT_MILLIS = 2_000;
    public static final int DEFAULT_MAX_THREADS = DEFAULT_MAX_WAITING + 64;
    public static final int MIN_TOKEN_CHARS = 16;

    /** Checked when built, so a bad setting stops {@code serve} before any index is opened or built. */
    public WebConfig {
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, not " + port);
        }
        if (adminToken != null && adminToken.length() < MIN_TOKEN_CHARS) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_TOKEN_CHARS + " characters");
        }
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not " + origin);
            }
        }
        if (maxSearches < 1 || maxWaiting < 0 || admissionWaitMillis < 0 || maxThreads < 8) {
            throw new IllegalArgumentException("searches at once must be at least 1 and the request threads at least 8");
        }
    }

    public static WebConfig loopback(int port) {
        return new WebConfig("127.0.0.1", port, false, false, List.of(), null, DEFAULT_MAX_SEARCHES, DEFAULT_MAX_WAITING,
                DEFAULT_ADMISSION_WAIT_MILLIS, DEFAULT_MAX_THREADS);
    }

    public WebConfig withAdminToken(String token) {
        return new WebConfig(host, port, logRequests, logQueries, corsOrigins, token, maxSearches, maxWaiting,
                admissionWaitMillis, maxThreads);
    }

    public WebConfig withCorsOrigins(List<String> origins) {
        return new WebConfig(host, port, logRequests, logQueries, origins, adminToken, maxSearches, maxWaiting,
                admissionWaitMillis, maxThreads);
    }

    public WebConfig withAdmission(int searches, int waiting, long waitMillis) {
        return new WebConfig(host, port, logRequests, logQueries, corsOrigins, adminToken, searches, waiting, waitMillis,
                maxThreads);
    }
}
