package monosearch.cli;

import java.util.Locale;
import java.util.function.Consumer;
import monosearch.index.Reindexer;

/** A progress line every two seconds on long reindexes; nothing on short ones. */
final class ProgressLine implements Reindexer.Progress {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final Consumer<String> out;
    private long last = System.nanoTime();

    /** Lines go to {@code out}: standard error for a command, the log inside the server. */
    ProgressLine(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void filesIndexed(int done, int total) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            out.accept(String.format(Locale.ROOT, "reindex: %d of %d new or changed files indexed", done, total));
        }
    }
}
