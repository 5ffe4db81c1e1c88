package monosearch.bench;

import java.util.List;

/**
 * Everything one run measured; {@link BenchReport} turns it into markdown.
 *
 * @param settings       what was asked for
 * @param machine        where it ran
 * @param corpusLabel    synthetic (with seed) or the folder measured
 * @param queries        the query set
 * @param reindex        reindex figures
 * @param sections       section documents in the index
 * @param warmupPasses   passes over the query set before timing
 * @param single         in-process, one thread
 * @param dual           in-process, two threads
 * @param server         the child server's figures, or null when skipped
 * @param fts5           the comparison with SQLite FTS5
 * @param loadBefore     the machine's load averages before the run (1, 5, 15 minutes)
 * @param loadAfter      and after it
 * @param corpusRun      issue 15's figures of a --corpus run, or null for a synthetic one
 */
public record BenchResults(BenchSettings settings, Machine machine, String corpusLabel, List<BenchQuery> queries,
                           ReindexBench.Figures reindex, int sections, int warmupPasses, InProcessBench.Figures single,
                           InProcessBench.Figures dual, ServerFigures server, Fts5Comparison.Outcome fts5,
                           String loadBefore, String loadAfter, CorpusRun corpusRun) {
    public BenchResults {
        queries = List.copyOf(queries);
    }
}
