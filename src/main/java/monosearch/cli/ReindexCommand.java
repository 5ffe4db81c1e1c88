package monosearch.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import monosearch.solr.SolrTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Bring the index up to date with the corpus: new and changed files are indexed, deleted ones "
                + "removed, unchanged ones left alone. One atomic commit; a server reading the index keeps "
                + "answering throughout.",
                "With --solr, the same into a SolrCloud collection: created when missing, file state kept in Solr, one "
                        + "commit; a new schema version builds a new collection and moves the alias NAME to it.",
                "Exit status: 0 when the index is up to date (even if some files were skipped), 1 when the corpus "
                        + "cannot be used, Solr cannot be reached or nothing could be written, 2 when another reindex "
                        + "holds the index."})
final class ReindexCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    IndexOptions options;

    @Option(names = "--full", description = "Rebuild the whole index instead of only what changed.")
    boolean full;

    @Mixin
    SolrOptions solr;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
            description = "With --solr: shards of a collection this reindex creates (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
            description = "With --solr: replicas of each shard of a collection this reindex creates (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--configset", paramLabel = "NAME", defaultValue = "monosearch",
            description = "With --solr: the configset (already uploaded to the cluster) of a collection this reindex "
                    + "creates (default: ${DEFAULT-VALUE}).")
    String configSet;

    @Option(names = "--lock-ms", paramLabel = "MS", defaultValue = "120000",
            description = "With --solr: how long the collection's reindex lock lasts unless the reindex renews it, so "
                    + "how long a reindex that died keeps others out (default: ${DEFAULT-VALUE}).")
    long lockMillis;

    /** Tests kill a reindex here to prove that a reindex killed midway loses nothing. */
    @Option(names = "--pause-after-files", paramLabel = "N", hidden = true,
            description = "For tests: once N files are written, before the commit, say so on stderr and wait forever.")
    int pauseAfterFiles;

    @Override
    public Integer call() throws Exception {
        IndexSettings settings = options.settings();
        SolrTarget target = solr.target();
        SolrReindexSettings solrSettings = target == null ? null
                : new SolrReindexSettings(target, shards, replicas, configSet, lockMillis);
        Reindexer.Progress progress = new ProgressLine(main.err::println);
        if (pauseAfterFiles > 0) {
            progress = pausing(progress, pauseAfterFiles, main.err);
        }
        ReindexSummary summary = solrSettings != null
                ? Services.solrReindex(settings, solrSettings, full, progress)
                : Services.reindexerReporting(settings, progress).run(Services.reindexOptions(settings, full));
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
