package monosearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A rewritten query whose term queries carry their terms looked up, once for every pass over it: the count
 * and the ranking each built their weights from scratch, looking every term up in every segment's term
 * dictionary twice. The same shape, clauses in the same order, so scores and matches stay exactly as they were
 * (a term query's states are not part of its equality, so query caching is unchanged too).
 */
final class LookedUpTerms {
    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new HashMap<>();

    /** For queries run on {@code searcher} (states are valid for its reader only). */
    LookedUpTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    Query of(Query q) throws IOException {
        return TermLeaves.replace(q, tq -> {
            if (tq.getTermStates() != null) {
                return tq;
            }
            TermStates known = states.get(tq.getTerm());
            if (known == null) {
                known = TermStates.build(searcher, tq.getTerm(), true);
                states.put(tq.getTerm(), known);
            }
            return new TermQuery(tq.getTerm(), known);
        });
    }
}
