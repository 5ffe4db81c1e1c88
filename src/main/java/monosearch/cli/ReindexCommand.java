package monosearch.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Bring the index up to date with the corpus: new and changed files are indexed, deleted ones "
                + "removed, unchanged ones left alone. One atomic commit; a server reading the index keeps "
                + "answering throughout.",
                "Exit status: 0 when the index is up to date (even if some files were skipped), 1 when the corpus "
                        + "cannot be used or nothing could be written, 2 when another reindex holds the index."})
final class ReindexCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    IndexOptions options;

    @Option(names = "--full", description = "Rebuild the whole index instead of only what changed.")
    boolean full;

    /** Tests kill a reindex here to prove that a reindex killed midway loses nothing. */
    @Option(names = "--pause-after-files", paramLabel = "N", hidden = true,
            description = "For tests: once N files are written, before the commit, say so on stderr and wait forever.")
    int pauseAfterFiles;

    @Override
    public Integer call() throws Exception {
        IndexSettings settings = options.settings();
        Reindexer.Progress progress = new ProgressLine(main.err::println);
        if (pauseAfterFiles > 0) {
            progress = pausing(progress, pauseAfterFiles, main.err);
        }
        ReindexSummary summary = Services.reindexerReporting(settings, progress).run(Services.reindexOptions(settings, full));
        main.out.println(String.join("\n", summary.lines()));
        return 0;
    }

    static final String PAUSED = "reindex: paused before the commit after files: ";

    private static Reindexer.Progress pausing(Reindexer.Progress progress, int after, PrintStream err) {
        return (done, total) -> {
            progress.filesIndexed(done, total);
            if (done == after) {
                err.println(PAUSED + done);
                err.flush();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("reindex interrupted while paused", e);
                }
            }
        };
    }
}
