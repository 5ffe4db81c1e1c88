package monosearch.index;

import java.io.IOException;

/** A reindex stopped because the index's disk is full; its partial files are gone and the previous index stands. */
public final class IndexDiskFullException extends IOException {
    public IndexDiskFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
