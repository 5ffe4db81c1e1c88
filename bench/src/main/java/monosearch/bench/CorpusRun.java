package monosearch.bench;

import java.util.List;
import java.util.Map;

/**
 * What a {@code --corpus} run measures beyond the general figures: issue 15's table.
 *
 * @param measuredKinds        the distinct queries per kind (the queries themselves are never printed)
 * @param measured             distinct queries generated for the load
 * @param warmup               further distinct queries, for the warm-up and the cold/steady runs
 * @param cliCommand           the reindex command line run in fresh JVMs
 * @param fullCli              {@code reindex --full}, one fresh JVM each
 * @param noChangeCli          {@code reindex} with nothing changed, one fresh JVM each
 * @param server               the server's figures, or null with --no-http
 * @param syntheticMonographs  size of the synthetic corpus measured in-process, 0 when skipped
 * @param synthetic            its in-process figures, 1 thread, or null
 */
public record CorpusRun(Map<String, Integer> measuredKinds, int measured, int warmup, String cliCommand,
                        List<CliReindex.Run> fullCli, List<CliReindex.Run> noChangeCli,
                        CorpusServerBench.Figures server, int syntheticMonographs, InProcessBench.Figures synthetic) {
    public CorpusRun {
        measuredKinds = Map.copyOf(measuredKinds);
        fullCli = List.copyOf(fullCli);
        noChangeCli = List.copyOf(noChangeCli);
    }
}
