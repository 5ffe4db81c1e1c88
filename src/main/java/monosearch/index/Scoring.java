package monosearch.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 per field. Section lengths vary tenfold (a one-line generic name, a forty-item side-effect list), so
 * body length counts for less than BM25's default, and the listed items not at all: an item in a long list
 * is as much an item as one in a short list.
 */
public final class Scoring extends PerFieldSimilarityWrapper {
    private final Similarity standard = new BM25Similarity();
    private final Similarity body = new BM25Similarity(1.2f, 0.5f);
    private final Similarity listed = new BM25Similarity(1.2f, 0f);

    @Override
    public Similarity get(String field) {
        return switch (field) {
            case Schema.BODY -> body;
            case Schema.LEADS -> listed;
            default -> standard;
        };
    }
}
