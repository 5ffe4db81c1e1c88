package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import monosearch.index.Schema;
import monosearch.index.Scoring;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SortedDocValues;
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
 * @param committedMillis when that commit was made (epoch milliseconds), 0 if the commit does not say
 * @param contentVersion  a digest of the files it holds, the same in every index built from them; "" if unknown
 */
public record IndexSnapshot(IndexSearcher searcher, DrugNames drugs, int monographs, int sections, long version,
                            long committedMillis, String contentVersion) {

    static IndexSnapshot of(DirectoryReader reader) throws IOException {
        List<DrugNames.Drug> drugs = drugsIn(reader);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new Scoring());
        var commit = reader.getIndexCommit();
        return new IndexSnapshot(searcher, new DrugNames(drugs), drugs.size(), reader.numDocs(), commit.getGeneration(),
                committedMillis(commit.getUserData().get(Schema.COMMIT_TIME)),
                commit.getUserData().getOrDefault(Schema.COMMIT_CONTENT, ""));
    }

    private static long committedMillis(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The drug of each live monograph of an index (of a shard, in a collection of several). */
    public static List<DrugNames.Drug> drugsIn(IndexReader reader) throws IOException {
        List<DrugNames.Drug> drugs = new ArrayList<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            drugsOf(ctx.reader(), drugs);
        }
        return drugs;
    }

    /**
     * The drug of each live monograph (its first section) in a segment, from doc values: reading them from
     * stored fields would decompress a block per monograph, most of a second at startup at 10,000.
     */
    private static void drugsOf(LeafReader leaf, List<DrugNames.Drug> out) throws IOException {
        NumericDocValues positions = leaf.getNumericDocValues(Schema.POSITION);
        if (positions == null) {
            return;
        }
        SortedDocValues names = leaf.getSortedDocValues(Schema.DRUG);
        SortedDocValues slugs = DocValues.getSorted(leaf, Schema.SLUG);
        StoredFields stored = names == null ? leaf.storedFields() : null;
        Bits live = leaf.getLiveDocs();
        for (int doc = positions.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = positions.nextDoc()) {
            if (positions.longValue() != 0 || (live != null && !live.get(doc))) {
                continue;
            }
            if (names != null && names.advanceExact(doc) && slugs.advanceExact(doc)) {
                out.add(new DrugNames.Drug(names.lookupOrd(names.ordValue()).utf8ToString(),
                        slugs.lookupOrd(slugs.ordValue()).utf8ToString()));
            } else if (stored != null) {
                // An index written before drug names had doc values: served as it is until the next reindex.
                Document d = stored.document(doc, Set.of(Schema.DRUG, Schema.SLUG));
                out.add(new DrugNames.Drug(d.get(Schema.DRUG), d.get(Schema.SLUG)));
            }
        }
    }

    /** A searcher of this version that gives up after {@code millis}; it tells with {@link IndexSearcher#timedOut()}. */
    IndexSearcher searcherWithin(long millis) {
        IndexSearcher bounded = new IndexSearcher(reader());
        bounded.setSimilarity(searcher.getSimilarity());
        // A search's queries are large trees of words, synonyms and completions that hardly ever come back whole,
        // so Lucene's query cache never cached one of them (profiled on the real corpus), while hashing and
        // tracking every clause of every query cost ~2% of a search; repeated searches have the result cache.
        bounded.setQueryCache(null);
        bounded.setTimeout(new QueryTimeoutImpl(millis));
        return bounded;
    }

    public DirectoryReader reader() {
        return (DirectoryReader) searcher.getIndexReader();
    }
}
