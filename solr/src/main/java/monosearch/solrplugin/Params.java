package monosearch.solrplugin;

import java.util.List;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.SolrParams;

/** The request parameters of the {@code /monosearch} handler, read in one place. */
final class Params {
    static final String DRUG = "drug";
    static final String SECTION = "section";
    static final String ATTEMPT = "attempt";
    /** The embedded engine's ranking window for the page asked: {@code QueryPlanner.window(offset, limit)}. */
    static final String WINDOW = "window";
    /**
     * {@code matched=true} (with one {@code drug}): instead of ranked matches, the words of that monograph the query
     * matches, as written, under {@link #MATCHED_WORDS}: what the monograph's page marks.
     */
    static final String MATCHED = "matched";
    static final String MATCHED_WORDS = "monosearch.matched";
    /** Internal: the coordinator's collection-wide planning decisions, for the shards to replay. */
    static final String DECISIONS = "monosearch.decisions";

    private Params() {
    }

    static List<String> all(SolrParams params, String name) {
        String[] values = params.getParams(name);
        return values == null ? List.of() : List.of(values);
    }

    static int attempt(SolrParams params) {
        return natural(params, ATTEMPT, "0");
    }

    static int window(SolrParams params) {
        int window = natural(params, WINDOW, params.get(CommonParams.ROWS, "10"));
        return Math.max(1, window);
    }

    private static int natural(SolrParams params, String name, String otherwise) {
        String value = params.get(name, otherwise);
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, name + " must be 0 or a positive whole number, not '" + value + "'");
    }
}
