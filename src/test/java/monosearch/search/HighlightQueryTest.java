package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class HighlightQueryTest {
    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static Query acrossFields(String word) {
        return new DisjunctionMaxQuery(java.util.List.of(new BoostQuery(term("drug", word), 3f),
                new BoostQuery(term("headings", word), 3f), term("body", word)), 0.1f);
    }

    @Test
    void keepsOnlyTheClausesOnTheHighlightedField() {
        Query q = HighlightQuery.of(acrossFields("nausea"), "body");
        assertEquals(term("body", "nausea"), q);
    }

    @Test
    void requiredWordsStayRequiredSoAWordIsMarkedOnlyBesideTheOthers() {
        Query both = new BooleanQuery.Builder()
                .add(term("body", "used"), Occur.MUST).add(term("body", "for"), Occur.MUST).build();
        Query q = HighlightQuery.of(new DisjunctionMaxQuery(java.util.List.of(both, term("drug", "used")), 0.1f), "body");
        assertEquals(both, q);
    }

    @Test
    void filtersExclusionsAndOtherFieldsLeaveNothingToMark() {
        Query q = new BooleanQuery.Builder()
                .add(new BoostQuery(new ConstantScoreQuery(term("section_key", "dosage")), 6f), Occur.SHOULD)
                .add(term("body", "rash"), Occur.MUST_NOT)
                .add(term("slug", "clofarabine"), Occur.FILTER)
                .build();
        Query kept = HighlightQuery.of(q, "body");
        assertTrue(kept instanceof BooleanQuery b && b.clauses().isEmpty(), kept.toString());
    }

    @Test
    void phrasesAndSynonymsOnTheFieldAreKeptWhole() {
        Query phrase = new PhraseQuery("body", "capillary", "leak");
        Query synonyms = new SynonymQuery.Builder("body").addTerm(new Term("body", "vomiting"))
                .addTerm(new Term("body", "emesis")).build();
        Query q = new BooleanQuery.Builder().add(phrase, Occur.SHOULD).add(synonyms, Occur.SHOULD)
                .add(new PhraseQuery("headings", "capillary", "leak"), Occur.SHOULD).build();
        Query expected = new BooleanQuery.Builder().add(phrase, Occur.SHOULD).add(synonyms, Occur.SHOULD).build();
        assertEquals(expected, HighlightQuery.of(q, "body"));
    }

    @Test
    void aMinimumOfOptionalWordsNeverExceedsTheWordsLeft() {
        Query q = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
                .add(term("body", "fever"), Occur.SHOULD).add(term("drug", "fever"), Occur.SHOULD)
                .add(term("drug", "chills"), Occur.SHOULD).build();
        BooleanQuery kept = (BooleanQuery) HighlightQuery.of(q, "body");
        assertEquals(1, kept.getMinimumNumberShouldMatch());
        assertEquals(1, kept.clauses().size());
    }
}
