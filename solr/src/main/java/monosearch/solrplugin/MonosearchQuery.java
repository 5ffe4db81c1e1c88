package monosearch.solrplugin;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import monosearch.index.Schema;
import monosearch.search.Planned;
import monosearch.search.QueryPlanner;
import monosearch.search.RankedMatch;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.RankQuery;
import org.apache.solr.handler.component.MergeStrategy;

/**
 * One attempt of a planned query, matched as the attempt, scored as the embedded engine scores: the first pass,
 * proximity on the best matches, then the ranking policy. Alone, a core ranks its window itself. As a shard of a
 * distributed search it keeps its whole first pass and leaves every match's scores for {@link ShardRankingComponent}
 * to send: the window is chosen from all shards' matches at once ({@link RankingMerge}), since which matches one index
 * would rescore and keep depends on the other shards' scores too.
 *
 * <p>Building its weight also builds the proximity query's and reads every text field's statistics: Solr's
 * ExactStatsCache collects the statistics a weight asks for, so the rescoring is scored collection-wide too.
 */
final class MonosearchQuery extends RankQuery {
    private static final String[] TEXT_FIELDS = {Schema.DRUG, Schema.HEADINGS, Schema.BODY, Schema.LEADS, Schema.HEADING};

    private final Query attempt;
    private final Planned planned;
    private final List<String> sections;
    private final int window;
    private final Map<Object, Object> shardContext;

    /**
     * @param window       the ranking window of the embedded engine for the page asked ({@link QueryPlanner#window})
     * @param shardContext on a shard of a distributed search, the request's context, where the scores of the matches
     *                     are left ({@link ShardRankingComponent#SCORED}); null when this core ranks on its own
     */
    MonosearchQuery(Query attempt, Planned planned, List<String> sections, int window, Map<Object, Object> shardContext) {
        this.attempt = attempt;
        this.planned = planned;
        this.sections = sections;
        this.window = window;
        this.shardContext = shardContext;
    }

    Planned planned() {
        return planned;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = attempt.rewrite(searcher);
        return rewritten == attempt ? this : new MonosearchQuery(rewritten, planned, sections, window, shardContext);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode.needsScores()) {
            Query proximity = planned.proximity();
            if (proximity != null) {
                searcher.createWeight(searcher.rewrite(proximity), ScoreMode.COMPLETE, 1f);
            }
            for (String field : TEXT_FIELDS) {
                searcher.collectionStatistics(field);
            }
        }
        return attempt.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public TopDocsCollector<? extends ScoreDoc> getTopDocsCollector(int len, QueryCommand cmd, IndexSearcher searcher) {
        return new Ranking(len, window, searcher);
    }

    @Override
    public MergeStrategy getMergeStrategy() {
        return null;
    }

    @Override
    public RankQuery wrap(Query mainQuery) {
        return this;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        attempt.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return "monosearch(" + attempt.toString(field) + ")";
    }

    /** Each parse is its own query: never served from a cache keyed by another request's decisions. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The first pass deep enough for proximity, in core's order, then scored (and, alone, ranked) by core. */
    private final class Ranking extends TopDocsCollector<ScoreDoc> {
        private final int len;
        private final int window;
        private final IndexSearcher searcher;
        private final TopFieldCollector firstPass;

        Ranking(int len, int window, IndexSearcher searcher) {
            super(null);
            this.len = len;
            this.window = window;
            this.searcher = searcher;
            // Every match counted (numFound is exact), the best ones in the order ties are cut by everywhere.
            this.firstPass = new TopFieldCollectorManager(Planned.firstPassOrder(), Math.max(1, Planned.depth(window)),
                    Integer.MAX_VALUE).newCollector();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return firstPass.getLeafCollector(context);
        }

        @Override
        public ScoreMode scoreMode() {
            return firstPass.scoreMode();
        }

        @Override
        public int getTotalHits() {
            return firstPass.getTotalHits();
        }

        @Override
        protected int topDocsSize() {
            return Math.min(len, getTotalHits());
        }

        @Override
        public TopDocs topDocs() {
            return topDocs(0, len);
        }

        @Override
        public TopDocs topDocs(int start) {
            return topDocs(start, len);
        }

        @Override
        public TopDocs topDocs(int start, int howMany) {
            TopFieldDocs first = firstPass.topDocs();
            List<RankedMatch> ranked;
            try {
                List<RankedMatch> scored = first.scoreDocs.length == 0 ? List.of()
                        : planned.scored(searcher, first, QueryPlanner.onlySections(attempt, sections));
                ranked = shardContext == null ? planned.select(scored, window) : scored;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (shardContext != null) {
                Map<Integer, RankedMatch> byDoc = new HashMap<>();
                ranked.forEach(m -> byDoc.put(m.doc(), m));
                shardContext.put(ShardRankingComponent.SCORED, byDoc);
            }
            int from = Math.min(start, ranked.size());
            int to = Math.min(ranked.size(), from + howMany);
            ScoreDoc[] page = new ScoreDoc[to - from];
            for (int i = from; i < to; i++) {
                page[i - from] = new ScoreDoc(ranked.get(i).doc(), ranked.get(i).ranked());
            }
            return new TopDocs(first.totalHits, page);
        }
    }
}
