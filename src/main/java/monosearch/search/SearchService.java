package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Ranked section search, drug-name suggestions and whole monographs, over the live index. A search reads top to
 * bottom: understand the query, build its Lucene queries, retrieve the matches, apply the ranking policy,
 * present the page.
 */
public final class SearchService implements SearchBackend {
    /** How long one search may take before it answers with what it has found, marked partial. */
    public static final long DEFAULT_BUDGET_MILLIS = 2_000;

    /** Sections of one monograph read at most: far more than any real one has. */
    private static final int MAX_SECTIONS = 10_000;

    private final LiveIndex index;
    private final QueryPlanner planner;
    private final Presenter presenter;
    private final long budgetMillis;
    private final ResultCache cache;

    /** A search service whose searches each stop after {@link #DEFAULT_BUDGET_MILLIS}, with no result cache. */
    public SearchService(LiveIndex index, Synonyms synonyms, SectionIntents intents, Links links) {
        this(index, synonyms, intents, links, DEFAULT_BUDGET_MILLIS, ResultCache.off());
    }

    /** A search service that keeps its answers in {@code cache} (emptied here: these tables may rank otherwise). */
    public SearchService(LiveIndex index, Synonyms synonyms, SectionIntents intents, Links links, long budgetMillis,
                         ResultCache cache) {
        Analyzer analyzer = DrugTextAnalyzer.forQueries();
        this.index = index;
        this.planner = new QueryPlanner(synonyms, intents);
        this.presenter = new Presenter(analyzer, links);
        this.budgetMillis = budgetMillis;
        this.cache = cache;
        cache.clear();
    }

    /** With the bundled synonyms and intent table. */
    public static SearchService withDefaults(LiveIndex index, Links links) {
        return new SearchService(index, Synonyms.bundled(), SectionIntents.bundled(), links);
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        try {
            return searchOrFail(request);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryTooComplexException("the query expands to more than " + IndexSearcher.getMaxClauseCount()
                    + " terms; use fewer prefix* words or a longer start for each");
        }
    }

    private SearchResult searchOrFail(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        IndexSnapshot snapshot = index.acquire();
        try {
            SearchResult known = cache.get(snapshot.version(), request);
            if (known != null) {
                return known.answering(request.query(), millisSince(start));
            }
            SearchResult result = search(request, snapshot, start);
            cache.put(snapshot.version(), request, result);
            return result;
        } finally {
            index.release(snapshot);
        }
    }

    private SearchResult search(SearchRequest request, IndexSnapshot snapshot, long start) throws IOException {
        Planned query = planner.plan(request.query(), request.drugs(), planner.factsOf(snapshot.searcher(), snapshot.drugs()));
        Understanding understood = query.understood();
        LuceneQueries.Plan plan = query.plan();
        long planned = System.nanoTime();

        IndexSearcher searcher = snapshot.searcherWithin(budgetMillis);
        int window = QueryPlanner.window(request.offset(), request.limit());
        LookedUpTerms terms = new LookedUpTerms(searcher);
        Retrieval.Found found = Retrieval.first(searcher, plan, request.sections(), window, terms);

        long reranking = System.nanoTime();
        RankingPolicy.RankedDoc[] ranked = RankingPolicy.docs(RankingPolicy.select(
                RankingPolicy.rerank(searcher, found.top(), found.counts(), understood),
                Retrieval.depth(window), Retrieval.kept(window, plan.proximity())));
        List<ScoreDoc> ordered = RankingPolicy.onPages(ranked, understood.namesDrug(), understood.namesSeveralDrugs());
        long policy = System.nanoTime() - reranking;

        List<ScoreDoc> page = ordered.subList(Math.min(request.offset(), ordered.size()),
                Math.min(request.offset() + request.limit(), ordered.size()));
        long presenting = System.nanoTime();
        List<SearchResult.Hit> hits = presenter.hits(searcher, plan.highlight(), page, terms);
        long snippets = System.nanoTime() - presenting;
        List<SearchResult.FacetValue> sectionFacet = request.sections().isEmpty()
                ? found.counts().sections() : Retrieval.sectionCounts(searcher, found.matched());
        boolean partial = searcher.timedOut();
        String suggestion = partial || found.total() == 0 ? null : Presenter.suggestion(request.query(), understood);
        return new SearchResult(request.query(), found.total(), millisSince(start), hits,
                new SearchResult.Facets(sectionFacet), suggestion, partial,
                new SearchResult.Timings(planned - start, found.countNanos(), found.rankNanos() + policy, snippets));
    }

    /** Milliseconds since a {@link System#nanoTime()}, to two decimals. */
    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    @Override
    public Set<String> matchedWords(String slug, String query) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcherWithin(budgetMillis);
            LuceneQueries.Plan plan = planner.plan(query, List.of(slug), planner.factsOf(snapshot.searcher(), snapshot.drugs())).plan();
            TopDocs sections = searcher.search(new TermQuery(new Term(Schema.SLUG, slug)), MAX_SECTIONS);
            int[] ids = java.util.Arrays.stream(sections.scoreDocs).mapToInt(d -> d.doc).toArray();
            return presenter.matchedWords(searcher, plan.highlight(), ids);
        } finally {
            index.release(snapshot);
        }
    }

    @Override
    public List<DrugNames.Drug> suggest(String text, int limit) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            return snapshot.drugs().suggest(text, limit);
        } finally {
            index.release(snapshot);
        }
    }

    @Override
    public Optional<Monograph> monograph(String slug) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            TopDocs docs = searcher.search(new TermQuery(new Term(Schema.SLUG, slug)), MAX_SECTIONS,
                    new Sort(new SortField(Schema.POSITION, SortField.Type.LONG)));
            if (docs.scoreDocs.length == 0) {
                return Optional.empty();
            }
            StoredFields stored = searcher.storedFields();
            List<Section> sections = new ArrayList<>();
            Document first = null;
            for (ScoreDoc sd : docs.scoreDocs) {
                Document d = stored.document(sd.doc);
                if (first == null) {
                    first = d;
                }
                sections.add(new Section(d.get(Schema.SECTION), d.get(Schema.HEADING), Schema.splitPath(d.get(Schema.PATH)),
                        d.get(Schema.ANCHOR), d.getField(Schema.LEVEL).numericValue().intValue(),
                        d.getField(Schema.POSITION).numericValue().intValue(), d.get(Schema.BODY)));
            }
            return Optional.of(new Monograph(first.get(Schema.DRUG), slug, first.get(Schema.SOURCE), sections));
        } finally {
            index.release(snapshot);
        }
    }

    @Override
    public IndexStats stats() throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            return new IndexStats(snapshot.monographs(), snapshot.sections(), snapshot.version(), snapshot.committedMillis(),
                    snapshot.contentVersion());
        } finally {
            index.release(snapshot);
        }
    }
}
