package monosearch.solrplugin;

import monosearch.index.Scoring;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.solr.schema.SimilarityFactory;

/** The embedded index's similarity, so norms written and scores computed are the same. */
public final class ScoringFactory extends SimilarityFactory {
    @Override
    public Similarity getSimilarity() {
        return new Scoring();
    }
}
