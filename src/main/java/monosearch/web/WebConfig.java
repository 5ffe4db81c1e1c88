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
 */
public record WebConfig(String host, int port, boolean logRequests, boolean logQueries, List<String> corsOrigins) {
    public WebConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static WebConfig loopback(int port) {
        return new WebConfig("127.0.0.1", port, false, false, List.of());
    }
}
