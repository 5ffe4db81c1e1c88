package monosearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * A rewritten query cut down to what can match in one field, keeping its shape, so the highlighter marks the
 * same words as before. The highlighter builds a weight of its query for every hit, so handing it the
 * drug-name, heading and section clauses too would look their terms up ten times over for nothing.
 */
final class HighlightQuery {
    private HighlightQuery() {
    }

    /** The part of {@code query} on {@code field}; an empty query when none is. */
    static Query of(Query query, String field) {
        Query kept = keep(query, field);
        return kept == null ? new BooleanQuery.Builder().build() : kept;
    }

    private static Query keep(Query q, String field) {
        if (q instanceof BooleanQuery bq) {
            return keepClauses(bq, field);
        }
        if (q instanceof DisjunctionMaxQuery dq) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dq.getDisjuncts()) {
                Query k = keep(d, field);
                if (k != null) {
                    kept.add(k);
                }
            }
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0)
                    : new DisjunctionMaxQuery(kept, dq.getTieBreakerMultiplier());
        }
        if (q instanceof BoostQuery bq) {
            Query k = keep(bq.getQuery(), field);
            return k == null ? null : new BoostQuery(k, bq.getBoost());
        }
        if (q instanceof ConstantScoreQuery cq) {
            Query k = keep(cq.getQuery(), field);
            return k == null ? null : new ConstantScoreQuery(k);
        }
        if (q instanceof TermQuery tq) {
            return field.equals(tq.getTerm().field()) ? q : null;
        }
        if (q instanceof PhraseQuery pq) {
            return field.equals(pq.getField()) ? q : null;
        }
        if (q instanceof SpanQuery sq) {
            return field.equals(sq.getField()) ? q : null;
        }
        return touches(q, field) ? q : null;
    }

    /**
     * Clauses on other fields are dropped: a required one counts as met (it matched for the hit to be found),
     * an optional one as absent; exclusions never mark anything.
     */
    private static Query keepClauses(BooleanQuery bq, String field) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int kept = 0;
        int optional = 0;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.MUST_NOT || c.getOccur() == BooleanClause.Occur.FILTER) {
                continue;
            }
            Query k = keep(c.getQuery(), field);
            if (k != null) {
                b.add(k, c.getOccur());
                kept++;
                optional += c.getOccur() == BooleanClause.Occur.SHOULD ? 1 : 0;
            }
        }
        if (kept == 0) {
            return null;
        }
        b.setMinimumNumberShouldMatch(Math.min(bq.getMinimumNumberShouldMatch(), optional));
        return b.build();
    }

    /** Whether a query of another kind (multi-phrase, synonym, blended prefix terms) matches terms of the field. */
    private static boolean touches(Query q, String field) {
        boolean[] found = {false};
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                return field.equals(f);
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    found[0] |= field.equals(t.field());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return found[0];
    }
}
