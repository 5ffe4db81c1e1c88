package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A rewritten query with each of its term queries replaced, the rest kept as it was: same shape, same clauses in
 * the same order, so what matches and how it scores only change where the replacement says.
 */
final class TermLeaves {
    /** What a term query becomes. */
    interface Replacement {
        Query apply(TermQuery term) throws IOException;
    }

    private TermLeaves() {
    }

    static Query replace(Query q, Replacement replacement) throws IOException {
        if (q instanceof TermQuery tq) {
            return replacement.apply(tq);
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                b.add(replace(c.getQuery(), replacement), c.getOccur());
            }
            return b.build();
        }
        if (q instanceof DisjunctionMaxQuery dq) {
            List<Query> disjuncts = new ArrayList<>();
            for (Query d : dq.getDisjuncts()) {
                disjuncts.add(replace(d, replacement));
            }
            return new DisjunctionMaxQuery(disjuncts, dq.getTieBreakerMultiplier());
        }
        if (q instanceof BoostQuery bq) {
            return new BoostQuery(replace(bq.getQuery(), replacement), bq.getBoost());
        }
        if (q instanceof ConstantScoreQuery cq) {
            return new ConstantScoreQuery(replace(cq.getQuery(), replacement));
        }
        return q;
    }
}
