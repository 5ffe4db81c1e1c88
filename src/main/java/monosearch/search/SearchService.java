package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import monosearch.index.Schema;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** Ranked section search, drug-name suggestions and whole monographs, over the live index. */
public final class SearchService {
    /** Sections of one drug allowed on the first page, unless the query names the drug. */
    static final int PER_DRUG_ON_FIRST_PAGE = 3;
    static final int FIRST_PAGE = 10;
    /** Best matches that proximity may reorder: deep enough that a phrase far down still comes up. */
    static final int RESCORED = 100;
    /** How long one search may take before it answers with what it has found, marked partial. */
    public static final long DEFAULT_BUDGET_MILLIS = 2_000;
    static final float OTHER_SECTION_BONUS = 0.08f;
    static final int MAX_OTHER_SECTIONS_COUNTED = 3;
    static final Set<String> PASSING_MENTIONS = Set.of("faqs", "disclaimer");
    static final float PASSING_MENTION_FACTOR = 0.6f;
    private static final Set<String> HIT_FIELDS = Set.of(Schema.DRUG, Schema.SLUG, Schema.SOURCE, Schema.SECTION,
            Schema.HEADING, Schema.PATH, Schema.ANCHOR, Schema.BODY);

    private final LiveIndex index;
    private final QueryPlanner planner;
    private final Snippets snippets;
    private final Links links;
    private final long budgetMillis;

    /** A search service whose searches each stop after {@link #DEFAULT_BUDGET_MILLIS}. */
    public SearchService(LiveIndex index, Synonyms synonyms, SectionIntents intents, Links links) {
        this(index, synonyms, intents, links, DEFAULT_BUDGET_MILLIS);
    }

    public SearchService(LiveIndex index, Synonyms synonyms, SectionIntents intents, Links links, long budgetMillis) {
        this.budgetMillis = budgetMillis;
        this.index = index;
        this.planner = new QueryPlanner(synonyms, intents);
        this.snippets = new Snippets(planner.analyzer());
        this.links = links;
    }

    /** With the bundled synonyms and intent table. */
    public static SearchService withDefaults(LiveIndex index, Links links) {
        return new SearchService(index, Synonyms.bundled(), SectionIntents.bundled(), links);
    }

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
            UserQuery query = UserQuery.parse(request.query());
            QueryPlanner.Plan plan = planner.plan(query, snapshot, request.drugs());
            IndexSearcher searcher = snapshot.searcherWithin(budgetMillis);
            int window = Math.max(request.offset() + request.limit(), FIRST_PAGE) + 3 * FIRST_PAGE;
            Query matched = searcher.rewrite(plan.strict());
            Ranked ranked = run(searcher, QueryPlanner.onlySections(matched, request.sections()), plan, window);
            if (ranked.total() == 0 && plan.relaxed() != null && !searcher.timedOut()) {
                matched = searcher.rewrite(plan.relaxed());
                ranked = run(searcher, QueryPlanner.onlySections(matched, request.sections()), plan, window);
            }
            List<SearchResult.FacetValue> sectionFacet = ranked.sections();
            if (!request.sections().isEmpty()) {
                // The section counts ignore the section filter itself, so the other sections stay choosable.
                sectionFacet = searcher.search(new ConstantScoreQuery(matched), new MatchCounts()).sections();
            }
            List<ScoreDoc> ordered = plan.namesDrug() ? List.of(ranked.top()) : diversify(ranked.top());
            List<ScoreDoc> page = ordered.subList(Math.min(request.offset(), ordered.size()),
                    Math.min(request.offset() + request.limit(), ordered.size()));
            List<SearchResult.Hit> hits = hits(searcher, plan.highlight(), page);
            boolean partial = searcher.timedOut();
            String suggestion = partial || ranked.total() == 0 ? null : suggestion(request, plan);
            double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
            return new SearchResult(request.query(), ranked.total(), tookMs, hits,
                    new SearchResult.Facets(sectionFacet), suggestion, partial);
        } finally {
            index.release(snapshot);
        }
    }

    private record Ranked(ScoreDoc[] top, long total, List<SearchResult.FacetValue> sections) {
    }

    /**
     * Counting every match needs no scores, and ranking needs scores for the best matches only, so the two are
     * separate passes: the count iterates matches without scoring them, the ranking skips whole blocks of
     * matches that cannot reach the top (block-max WAND). Words standing together then raise the best of
     * those: reading positions for every match would cost more than all the rest.
     */
    private static Ranked run(IndexSearcher searcher, Query query, QueryPlanner.Plan plan, int window)
            throws IOException {
        MatchCounts.Counts counts = searcher.search(new ConstantScoreQuery(query), new MatchCounts());
        long total = counts.sections().stream().mapToLong(SearchResult.FacetValue::count).sum();
        if (total == 0) {
            return new Ranked(new ScoreDoc[0], 0, counts.sections());
        }
        int depth = Math.max(window, RESCORED);
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(depth, null, depth, false));
        if (plan.proximity() != null) {
            top = QueryRescorer.rescore(searcher, top, plan.proximity(), 1, window);
        }
        return new Ranked(rerank(searcher, top.scoreDocs, counts, plan.askedSections()), total, counts.sections());
    }

    /**
     * Adjusts the best matches with what is known of whole monographs and kinds of section: a section gains a
     * little for each other section of its monograph that matches too (a drug whose monograph keeps coming back
     * to the query is more about it), and FAQ and disclaimer matches, being mostly passing mentions, weigh less
     * unless the query asked for them.
     */
    private static ScoreDoc[] rerank(IndexSearcher searcher, ScoreDoc[] docs, MatchCounts.Counts counts, Set<String> asked)
            throws IOException {
        HitKeys keys = HitKeys.of(searcher, docs);
        ScoreDoc[] out = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            int others = Math.min(counts.ofMonograph(keys.segment()[i], keys.slugOrd()[i]) - 1, MAX_OTHER_SECTIONS_COUNTED);
            float score = docs[i].score * (1 + OTHER_SECTION_BONUS * others);
            String key = Schema.sectionKey(keys.section()[i]);
            if (PASSING_MENTIONS.contains(key) && !asked.contains(key)) {
                score *= PASSING_MENTION_FACTOR;
            }
            out[i] = new RankedDoc(docs[i].doc, score, keys.slug()[i]);
        }
        java.util.Arrays.sort(out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return out;
    }

    /** A best match with its monograph, which {@link #diversify} needs. */
    private static final class RankedDoc extends ScoreDoc {
        final String slug;

        RankedDoc(int doc, float score, String slug) {
            super(doc, score);
            this.slug = slug;
        }
    }

    /** At most a few sections of one drug on the first page; the rest follow after it, in score order. */
    private static List<ScoreDoc> diversify(ScoreDoc[] docs) {
        Map<String, Integer> perDrug = new HashMap<>();
        List<ScoreDoc> first = new ArrayList<>();
        List<ScoreDoc> later = new ArrayList<>();
        for (ScoreDoc d : docs) {
            if (first.size() >= FIRST_PAGE) {
                later.add(d);
                continue;
            }
            int n = perDrug.merge(((RankedDoc) d).slug, 1, Integer::sum);
            (n <= PER_DRUG_ON_FIRST_PAGE ? first : later).add(d);
        }
        later.sort((a, b) -> Float.compare(b.score, a.score) != 0 ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        first.addAll(later);
        return first;
    }

    private List<SearchResult.Hit> hits(IndexSearcher searcher, Query highlight, List<ScoreDoc> page) throws IOException {
        int[] ids = page.stream().mapToInt(d -> d.doc).toArray();
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[ids.length];
        String[] bodies = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            docs[i] = stored.document(ids[i], HIT_FIELDS);
            bodies[i] = docs[i].get(Schema.BODY);
        }
        String[] texts = snippets.forDocs(searcher, highlight, ids, bodies);
        List<SearchResult.Hit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Document d = docs[i];
            String slug = d.get(Schema.SLUG);
            String anchor = d.get(Schema.ANCHOR);
            hits.add(new SearchResult.Hit(d.get(Schema.DRUG), slug, d.get(Schema.SECTION), d.get(Schema.HEADING),
                    Schema.splitPath(d.get(Schema.PATH)), anchor, links.of(slug, d.get(Schema.SOURCE), anchor),
                    page.get(i).score, texts[i]));
        }
        return hits;
    }

    /**
     * The query with its corrections, when a typed word matches nothing indexed. Called only when the search,
     * which matched the corrections in place of those words, found something: the correction finds more than
     * the words as typed, which find nothing.
     */
    private static String suggestion(SearchRequest request, QueryPlanner.Plan plan) {
        if (plan.corrections().isEmpty()) {
            return null;
        }
        String corrected = Typos.apply(request.query(), plan.corrections());
        return corrected.equalsIgnoreCase(request.query()) ? null : corrected;
    }

    /** Drug names for a search box. */
    public List<DrugNames.Drug> suggest(String text, int limit) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            return snapshot.drugs().suggest(text, limit);
        } finally {
            index.release(snapshot);
        }
    }

    /** A whole monograph, rebuilt from the index. */
    public Optional<Monograph> monograph(String slug) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            TopDocs docs = searcher.search(new TermQuery(new Term(Schema.SLUG, slug)), 10_000,
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

    /** Size and version of the index being served. */
    public IndexStats stats() throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            return new IndexStats(snapshot.monographs(), snapshot.sections(), snapshot.version());
        } finally {
            index.release(snapshot);
        }
    }

    public record IndexStats(int monographs, int sections, long version) {
    }
}
