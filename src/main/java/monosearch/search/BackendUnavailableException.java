package monosearch.search;

import java.io.IOException;

/**
 * The search engine a server answers from cannot be reached just now (every Solr node refused or timed out). The
 * API answers 503 with Retry-After: the request was fine and may succeed in a moment.
 */
public final class BackendUnavailableException extends IOException {
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
