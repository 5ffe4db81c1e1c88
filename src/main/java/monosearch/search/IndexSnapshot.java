package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import monosearch.index.Schema;
import monosearch.index.Scoring;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * One committed version of the index, with what is derived from it once: the drug names and the counts.
 *
 * @param searcher   searches this version
 * @param drugs      its drug names
 * @param monographs number of monographs
 * @param sections   number of sections
 * @param version    the commit's generation, changes with every reindex that changed something
 */
public record IndexSnapshot(IndexSearcher searcher, DrugNames drugs, int monographs, int sections, long version) {

    static IndexSnapshot of(DirectoryReader reader) throws IOException {
        List<DrugNames.Drug> drugs = new ArrayList<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            NumericDocValues positions = leaf.getNumericDocValues(Schema.POSITION);
            if (positions == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            StoredFields stored = leaf.storedFields();
            for (int doc = positions.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = positions.nextDoc()) {
                if (positions.longValue() == 0 && (live == null || live.get(doc))) {
                    Document d = stored.document(doc, java.util.Set.of(Schema.DRUG, Schema.SLUG));
                    drugs.add(new DrugNames.Drug(d.get(Schema.DRUG), d.get(Schema.SLUG)));
                }
            }
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new Scoring());
        return new IndexSnapshot(searcher, new DrugNames(drugs), drugs.size(), reader.numDocs(),
                reader.getIndexCommit().getGeneration());
    }

    /** A searcher of this version that gives up after {@code millis}; it tells with {@link IndexSearcher#timedOut()}. */
    IndexSearcher searcherWithin(long millis) {
        IndexSearcher bounded = new IndexSearcher(reader());
        bounded.setSimilarity(searcher.getSimilarity());
        bounded.setTimeout(new QueryTimeoutImpl(millis));
        return bounded;
    }

    public DirectoryReader reader() {
        return (DirectoryReader) searcher.getIndexReader();
    }
}
