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
 */
public record HttpFigures(String label, String tool, int connections, double seconds, long requests,
                          LatencyStats latency, long errors) {
    public double requestsPerSecond() {
        return requests / seconds;
    }

    /** Requests answered with 2xx per second: a 503 shed by admission control is fast but is no answer. */
    public double answeredPerSecond() {
        return Math.max(0, requests - errors) / seconds;
    }
}
