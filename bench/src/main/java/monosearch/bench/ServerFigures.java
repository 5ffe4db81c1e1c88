package monosearch.bench;

import java.util.List;

/**
 * The child server's figures.
 *
 * @param command  how it was launched
 * @param tool     the load generator
 * @param startup  launch to first answers
 * @param runs     the load runs in order: cold (right after startup), steady at 16, steady at 64 connections
 * @param heap     heap in use after a full GC, after the load
 * @param page     the search page's transfer size
 * @param alive    the server was still running at the end (no crash, no OutOfMemoryError exit)
 * @param failure  why the server measurements stopped early, or null
 */
public record ServerFigures(String command, String tool, ServerProcess.Startup startup, List<HttpFigures> runs,
                            ServerProcess.Heap heap, PageWeight page, boolean alive, String failure) {
    public ServerFigures {
        runs = List.copyOf(runs);
    }

    HttpFigures run(String label) {
        return runs.stream().filter(r -> r.label().equals(label)).findFirst().orElse(null);
    }
}
