package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
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
        if (q instanceof TermQuery tq) {
            if (tq.getTermStates() != null) {
                return q;
            }
            TermStates known = states.get(tq.getTerm());
            if (known == null) {
                known = TermStates.build(searcher, tq.getTerm(), true);
                states.put(tq.getTerm(), known);
            }
            return new TermQuery(tq.getTerm(), known);
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                b.add(of(c.getQuery()), c.getOccur());
            }
            return b.build();
        }
        if (q instanceof DisjunctionMaxQuery dq) {
            List<Query> disjuncts = new ArrayList<>();
            for (Query d : dq.getDisjuncts()) {
                disjuncts.add(of(d));
            }
            return new DisjunctionMaxQuery(disjuncts, dq.getTieBreakerMultiplier());
        }
        if (q instanceof BoostQuery bq) {
            return new BoostQuery(of(bq.getQuery()), bq.getBoost());
        }
        if (q instanceof ConstantScoreQuery cq) {
            return new ConstantScoreQuery(of(cq.getQuery()));
        }
        return q;
    }
}
