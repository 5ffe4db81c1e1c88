package monosearch.search;

import java.io.IOException;
import java.util.List;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** The facts of one index, from its term dictionary and its drug names; phrases are counted by a counter. */
final class ReaderFacts implements IndexFacts {
    private final IndexReader terms;
    private final DrugNames names;
    private final Typos typos;
    private final QueryPlanner.PhraseCounter phrases;

    ReaderFacts(IndexReader terms, DrugNames names, Typos typos, QueryPlanner.PhraseCounter phrases) {
        this.terms = terms;
        this.names = names;
        this.typos = typos;
        this.phrases = phrases;
    }

    /** The facts of one searchable index: everything from it. */
    static ReaderFacts of(IndexSearcher searcher, DrugNames names, Typos typos, Analyzer analyzer) {
        return new ReaderFacts(searcher.getIndexReader(), names, typos,
                (phrase, slugs) -> sectionsElsewhere(searcher, analyzer, phrase, slugs));
    }

    /** Sections outside the given monographs holding the words as a phrase in their body. */
    static int sectionsElsewhere(IndexSearcher searcher, Analyzer analyzer, String phrase, List<String> slugs)
            throws IOException {
        Query inBody = new QueryBuilder(analyzer).createPhraseQuery(Schema.BODY, phrase, 0);
        if (inBody == null) {
            return 0;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(inBody, BooleanClause.Occur.MUST);
        slugs.forEach(s -> b.add(new TermQuery(new Term(Schema.SLUG, s)), BooleanClause.Occur.MUST_NOT));
        return searcher.count(b.build());
    }

    @Override
    public int docFreq(String term) throws IOException {
        return Analysis.docFreq(terms, term);
    }

    @Override
    public List<String> completions(String prefix, int max) throws IOException {
        return Analysis.completions(terms, prefix, max);
    }

    @Override
    public List<String> typos(String term) throws IOException {
        return typos.candidates(terms, term);
    }

    @Override
    public int sectionsElsewhere(String phrase, List<String> slugs) throws IOException {
        return phrases.sectionsElsewhere(phrase, slugs);
    }

    @Override
    public List<DrugNames.Mention> mentionsIn(List<String> words) {
        return names.mentionsIn(words);
    }

    @Override
    public DrugNames.Mention named(List<String> words) {
        return names.named(words);
    }

    @Override
    public boolean anyWordStartsWith(String word) {
        return names.anyWordStartsWith(word);
    }
}
