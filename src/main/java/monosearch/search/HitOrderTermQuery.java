package monosearch.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * A term query (with its term looked up) for highlighting hits in doc order: its matches read one postings list
 * per segment, moving forward from hit to hit. A term query's own matches open the term dictionary and a new
 * postings list with offsets for every hit, most of them for terms the hit does not hold. The matches are the
 * term query's own: same positions and offsets, reported as its matches. A hit asked again, or one before the
 * last, gets a postings list of its own.
 */
final class HitOrderTermQuery extends Query {
    private final TermQuery term;

    private HitOrderTermQuery(TermQuery term) {
        this.term = term;
    }

    /** The query with each of its term queries that carry their term states (see {@link LookedUpTerms}) made so. */
    static Query of(Query q) throws IOException {
        return TermLeaves.replace(q, tq -> tq.getTermStates() == null ? tq : new HitOrderTermQuery(tq));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight own = term.createWeight(searcher, scoreMode, boost);
        String field = term.getTerm().field();
        return new Weight(this) {
            /** Per segment (by ord), the postings read forward from hit to hit. */
            private PostingsEnum[] postings = new PostingsEnum[0];

            private PostingsEnum fresh(LeafReaderContext context) throws IOException {
                TermState state = term.getTermStates().get(context);
                Terms terms = state == null ? null : context.reader().terms(field);
                if (terms == null) {
                    return null;
                }
                TermsEnum te = terms.iterator();
                te.seekExact(term.getTerm().bytes(), state);
                return te.postings(null, PostingsEnum.OFFSETS);
            }

            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                if (postings.length <= context.ord) {
                    postings = java.util.Arrays.copyOf(postings, context.ord + 1);
                }
                PostingsEnum pe = postings[context.ord];
                if (pe == null || pe.docID() >= doc) {
                    pe = fresh(context);
                    if (pe == null) {
                        return null;
                    }
                    postings[context.ord] = pe;
                }
                if (pe.advance(doc) != doc) {
                    return null;
                }
                PostingsEnum atHit = pe;
                return new Matches() {
                    private boolean used;

                    @Override
                    public MatchesIterator getMatches(String f) throws IOException {
                        if (!field.equals(f)) {
                            return null;
                        }
                        PostingsEnum positions = atHit;
                        if (used) {
                            positions = fresh(context);
                            positions.advance(doc);
                        }
                        used = true;
                        return new TermMatches(term, positions);
                    }

                    @Override
                    public Collection<Matches> getSubMatches() {
                        return Collections.emptyList();
                    }

                    @Override
                    public Iterator<String> iterator() {
                        return Collections.singleton(field).iterator();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return own.explain(context, doc);
            }

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                return own.scorer(context);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** As Lucene's term matches: every position of the term in the hit, with its offsets. */
    private static final class TermMatches implements MatchesIterator {
        private final Query query;
        private final PostingsEnum pe;
        private int upto;
        private int pos;

        TermMatches(Query query, PostingsEnum pe) throws IOException {
            this.query = query;
            this.pe = pe;
            this.upto = pe.freq();
        }

        @Override
        public boolean next() throws IOException {
            if (upto-- > 0) {
                pos = pe.nextPosition();
                return true;
            }
            return false;
        }

        @Override
        public int startPosition() {
            return pos;
        }

        @Override
        public int endPosition() {
            return pos;
        }

        @Override
        public int startOffset() throws IOException {
            return pe.startOffset();
        }

        @Override
        public int endOffset() throws IOException {
            return pe.endOffset();
        }

        @Override
        public MatchesIterator getSubMatches() {
            return null;
        }

        @Override
        public Query getQuery() {
            return query;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        term.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return term.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && term.equals(((HitOrderTermQuery) other).term);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + term.hashCode();
    }
}
