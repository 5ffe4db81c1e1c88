package monosearch.index;

import java.nio.file.Path;

/** Another reindex holds the index's write lock. */
public final class IndexLockedException extends RuntimeException {
    public IndexLockedException(Path index) {
        super("the index at " + index + " is locked: another reindex is writing it. Nothing was changed; "
                + "run reindex again when that one has finished");
    }

    /** Another reindex holds a lock elsewhere (a Solr collection's); the message names it. */
    public IndexLockedException(String message) {
        super(message);
    }
}
