package monosearch.index;

/** The corpus folder cannot be used; the message says why and what happened to the index. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }
}
