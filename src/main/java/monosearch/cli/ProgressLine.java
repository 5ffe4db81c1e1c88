package monosearch.cli;

import java.io.PrintStream;
import monosearch.index.Reindexer;

/** A progress line every two seconds on long reindexes; nothing on short ones. */
final class ProgressLine implements Reindexer.Progress {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintStream out;
    private long last = System.nanoTime();

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void filesIndexed(int done, int total) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            out.printf("reindex: %d of %d new or changed files indexed%n", done, total);
        }
    }
}
