package monosearch.bench;

/**
 * One HTTP load run.
 *
 * @param label       what was measured ("steady, 16 connections")
 * @param tool        the load generator that made the requests
 * @param connections concurrent keep-alive connections
 * @param seconds     length of the run
 * @param requests    completed requests
 * @param latency     latency percentiles as the tool saw them
 * @param errors      socket errors, timeouts and non-2xx answers together
 * @param errorKinds  the errors by kind ("read 3, status 503 ×2"), empty when there were none
 * @param planned     for a run that sends each request of a list once, the list's length; 0 for a timed run
 * @param took        the server's own {@code tookMs} of the search answers, or {@link LatencyStats#EMPTY} when not read
 */
public record HttpFigures(String label, String tool, int connections, double seconds, long requests,
                          LatencyStats latency, long errors, String errorKinds, int planned, LatencyStats took) {
    public double requestsPerSecond() {
        return requests / seconds;
    }

    /** Requests answered with 2xx per second: a 503 shed by admission control is fast but is no answer. */
    public double answeredPerSecond() {
        return Math.max(0, requests - errors) / seconds;
    }
}
