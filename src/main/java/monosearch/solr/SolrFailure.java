package monosearch.solr;

import java.io.IOException;

/** Solr answered, with an error that another node would give as well (a bad request, a missing collection). */
public final class SolrFailure extends IOException {
    public SolrFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
