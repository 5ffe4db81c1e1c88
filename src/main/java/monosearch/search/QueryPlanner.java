package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import monosearch.index.DrugTextAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The search pipeline's planning, for an engine that runs the plan itself (a Solr shard): the same
 * understanding and the same Lucene queries as {@link SearchService} builds.
 *
 * <p>Planning asks the index questions (how often a word is written, what a misspelled word is near, which
 * drugs words name). {@link #decide} answers them from one index's data, a whole collection's when the caller
 * has it, and writes the answers down as {@link Planned#decisions()}; {@link #replay} builds the same plan from
 * those decisions alone, with no data of its own. That is how every shard of a collection builds one query.
 */
public final class QueryPlanner {
    /** Counts the sections outside some monographs holding a phrase: the one question a term dictionary cannot answer. */
    public interface PhraseCounter {
        int sectionsElsewhere(String phrase, List<String> slugs) throws IOException;
    }

    private final Analyzer analyzer = DrugTextAnalyzer.forQueries();
    private final QueryUnderstanding understanding;
    private final LuceneQueries queries;
    private final Typos typos = new Typos();
    private final Snippets snippets = new Snippets(analyzer);

    public QueryPlanner(Synonyms synonyms, SectionIntents intents) {
        this.understanding = new QueryUnderstanding(synonyms, intents, analyzer);
        this.queries = new LuceneQueries(synonyms, analyzer);
    }

    /** With the bundled synonyms and intent table, as the service's defaults. */
    public static QueryPlanner withDefaults() {
        return new QueryPlanner(Synonyms.bundled(), SectionIntents.bundled());
    }

    /**
     * Plans a query with the words of {@code terms} (an index, or a collection's whole term dictionary), the
     * drug names {@code names} and the phrase counts of {@code phrases}, recording every answer.
     *
     * @param drugs the monographs (slugs) the search is kept to, none for all
     */
    public Planned decide(String query, List<String> drugs, IndexReader terms, DrugNames names, PhraseCounter phrases)
            throws IOException {
        RecordedFacts facts = RecordedFacts.recording(new ReaderFacts(terms, names, typos, phrases));
        Planned planned = plan(query, drugs, facts);
        return planned.withDecisions(facts.written());
    }

    /**
     * The plan {@link #decide} made, from its decisions: the same query, drugs and decisions give the same
     * Lucene queries. Decisions made for another query are an IllegalArgumentException.
     */
    public Planned replay(String query, List<String> drugs, String decisions) throws IOException {
        return plan(query, drugs, RecordedFacts.replaying(decisions)).withDecisions(decisions);
    }

    Planned plan(String query, List<String> drugs, IndexFacts facts) throws IOException {
        Understanding understood = understanding.understand(UserQuery.parse(query), facts);
        return new Planned(understood, queries.plan(understood, facts, drugs), snippets, "");
    }

    /** The facts of one searchable index, for the service's own searches. */
    IndexFacts factsOf(IndexSearcher searcher, DrugNames names) {
        return ReaderFacts.of(searcher, names, typos, analyzer);
    }

    /** What {@link PhraseCounter} answers for one index (a shard's part of a collection-wide count). */
    public int sectionsElsewhere(IndexSearcher searcher, String phrase, List<String> slugs) throws IOException {
        return ReaderFacts.sectionsElsewhere(searcher, analyzer, phrase, slugs);
    }

    /** The query kept to the given canonical sections (none: the query itself). */
    public static Query onlySections(Query query, List<String> sections) {
        return LuceneQueries.onlySections(query, sections);
    }

    /** The best matches a page needs ranked, from its offset and size: the service's window. */
    public static int window(int offset, int limit) {
        return Math.max(offset + limit, RankingPolicy.FIRST_PAGE) + 3 * RankingPolicy.FIRST_PAGE;
    }

    /**
     * The order of ranked matches on the pages, as the service orders them ({@link RankingPolicy#onPages}).
     * Matches are given best first, by score and monograph.
     *
     * @return indexes into the given arrays, in page order
     */
    public static int[] pageOrder(float[] scores, String[] slugs, boolean namesDrug, boolean severalDrugs) {
        RankingPolicy.RankedDoc[] docs = new RankingPolicy.RankedDoc[scores.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new RankingPolicy.RankedDoc(i, scores[i], slugs[i]);
        }
        List<org.apache.lucene.search.ScoreDoc> ordered = RankingPolicy.onPages(docs, namesDrug, severalDrugs);
        List<Integer> out = new ArrayList<>(ordered.size());
        ordered.forEach(d -> out.add(d.doc));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
