package monosearch.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param monographs    size of the synthetic corpus (ignored with {@code corpus})
 * @param queries       a query file, or null for the generated set
 * @param corpus        a real corpus to measure instead of a synthetic one, or null
 * @param keep          a folder to keep the corpus, index and logs in, or null for a temporary one
 * @param seed          fixes the synthetic corpus and the query set
 * @param warmupSeconds searching before anything is timed
 * @param searchSeconds each in-process measurement
 * @param httpSeconds   each HTTP load run
 * @param ftsRounds     passes over the query set in the FTS5 comparison
 * @param loadTool      auto, wrk or java
 * @param serverJvm     JVM options of the child server
 * @param http          run the server measurements
 * @param fts           run the FTS5 comparison
 * @param commandLine   how the run was started, for the report
 * @param note          a line for the report's header (the commit measured), or null
 * @param distinct      with a corpus: distinct queries the server is loaded with (and as many more to warm it up)
 * @param reindexRuns   with a corpus: runs of each reindex in a fresh JVM and inside the server
 * @param synthetic     with a corpus: synthetic monographs measured in-process too, 0 for none
 */
public record BenchSettings(int monographs, Path queries, Path corpus, Path keep, long seed, double warmupSeconds,
                            double searchSeconds, double httpSeconds, int ftsRounds, String loadTool,
                            List<String> serverJvm, boolean http, boolean fts, String commandLine, String note,
                            int distinct, int reindexRuns, int synthetic) {
    public BenchSettings {
        serverJvm = List.copyOf(serverJvm);
    }
}
