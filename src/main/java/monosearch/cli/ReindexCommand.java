package monosearch.cli;

import java.util.concurrent.Callable;
import monosearch.index.ReindexSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Bring the index up to date with the corpus: new and changed files are indexed, deleted ones "
                + "removed, unchanged ones left alone. One atomic commit; a server reading the index keeps "
                + "answering throughout.",
                "Exit status: 0 when the index is up to date (even if some files were skipped), 1 when the corpus "
                        + "cannot be used or nothing could be written, 2 when another reindex holds the index."})
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    IndexOptions options;

    @Option(names = "--full", description = "Rebuild the whole index instead of only what changed.")
    boolean full;

    @Override
    public Integer call() throws Exception {
        IndexSettings settings = options.settings();
        ReindexSummary summary = Services.reindexer(settings, System.err::println).run(Services.reindexOptions(settings, full));
        System.out.println(String.join("\n", summary.lines()));
        return 0;
    }
}
