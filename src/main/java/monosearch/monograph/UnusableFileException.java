package monosearch.monograph;

/** A file that cannot be read as a monograph; the message is the reason, shown to the user. */
public final class UnusableFileException extends RuntimeException {
    public UnusableFileException(String reason) {
        super(reason);
    }
}
