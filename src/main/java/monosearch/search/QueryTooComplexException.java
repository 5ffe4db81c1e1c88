package monosearch.search;

/** A query that would expand past Lucene's clause limit; the message says what to change. */
public final class QueryTooComplexException extends RuntimeException {
    public QueryTooComplexException(String message) {
        super(message);
    }
}
