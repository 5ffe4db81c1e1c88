package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a user typed into Lucene queries. Words are matched in the drug name, the headings and the body
 * (in that order of weight); a word nobody wrote is matched with one or two typos; the last word also matches
 * as a prefix; words that name a drug or ask for a kind of section steer the ranking instead of filtering.
 */
final class QueryPlanner {
    static final float DRUG_WEIGHT = 3f;
    static final float HEADINGS_WEIGHT = 3f;
    static final float BODY_WEIGHT = 1f;
    static final float DRUG_INTENT_BOOST = 8f;
    static final float SECTION_INTENT_BOOST = 6f;
    static final float DRUG_OVERVIEW_BOOST = 8f;
    static final float FUZZY_WEIGHT = 0.5f;
    static final float PREFIX_WEIGHT = 0.6f;
    /** A synonym ("hypotension" for "low blood pressure") counts, but less than the words typed. */
    static final float SYNONYM_WEIGHT = 0.8f;
    /** A section that lists the words as an item (a side effect, a precaution) is about them. */
    static final float LISTED_WEIGHT = 2f;
    static final int MAX_PREFIX_EXPANSIONS = 50;
    /** Words per query that may be matched with typos; the rest must be spelled as indexed. */
    static final int MAX_FUZZY_WORDS = 4;

    private static final String[] FIELDS = {Schema.DRUG, Schema.HEADINGS, Schema.BODY};
    private static final float[] WEIGHTS = {DRUG_WEIGHT, HEADINGS_WEIGHT, BODY_WEIGHT};
    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "in", "on", "for", "to", "is", "are",
            "was", "were", "be", "and", "or", "with", "what", "how", "does", "do", "can", "i", "it", "its", "my",
            "should", "when", "why", "which", "who", "me", "you", "about", "at", "by", "from", "as", "this", "that",
            "there", "if", "any", "much", "will", "could", "would", "take", "taking", "during", "while");

    /**
     * Queries for one search.
     *
     * @param strict     every content word must match
     * @param proximity  what raises a match whose words stand together; added to the best matches' scores only
     *                   (a phrase must read positions, too dear for every match), null when there is none
     * @param relaxed    half the content words suffice; null where strict is all there is
     * @param highlight  the matching part only, for snippets
     * @param namesDrug  the query names a drug, so one drug may fill the page
     * @param corrections typed words that match no indexed term → the likeliest indexed word, for "did you mean"
     * @param askedSections section keys the query asked for ("dose" → dosage), never demoted as passing mentions
     */
    record Plan(Query strict, Query proximity, Query relaxed, Query highlight, boolean namesDrug, Map<String, String> corrections,
                Set<String> askedSections) {
    }

    private final Analyzer analyzer;
    private final Analyzer synonymAnalyzer;
    private final Synonyms synonyms;
    private final SectionIntents intents;
    private final QueryBuilder builder;
    private final QueryBuilder synonymBuilder;
    /** The synonym analyzer's chain without the synonyms: what a text is when no synonym applies. */
    private final Analyzer splitOnly = DrugTextAnalyzer.forSynonymEntries();
    private final Typos typos = new Typos();

    QueryPlanner(Synonyms synonyms, SectionIntents intents) {
        this.analyzer = DrugTextAnalyzer.forQueries();
        this.synonyms = synonyms;
        this.synonymAnalyzer = synonyms.isEmpty() ? null : DrugTextAnalyzer.withSynonyms(synonyms.map());
        this.intents = intents;
        this.builder = new QueryBuilder(analyzer);
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.synonymBuilder = synonymAnalyzer == null ? null : new QueryBuilder(synonymAnalyzer);
        if (synonymBuilder != null) {
            synonymBuilder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The queries for what was typed, kept to the given drugs; the section filter is {@link #onlySections}. */
    Plan plan(UserQuery query, IndexSnapshot snapshot, List<String> drugFilter)
            throws IOException {
        IndexReader reader = snapshot.searcher().getIndexReader();
        List<UserQuery.Part> parts = query.included();
        UserQuery.Part lastPart = parts.isEmpty() ? null : parts.get(parts.size() - 1);

        // Folded words of the plain-word parts, each remembering its part, for spotting drugs and intents.
        List<String> words = new ArrayList<>();
        List<UserQuery.Part> owner = new ArrayList<>();
        for (UserQuery.Part p : parts) {
            if (p.kind() == UserQuery.Kind.WORD) {
                for (String w : Words.split(p.text())) {
                    words.add(w);
                    owner.add(p);
                }
            }
        }
        boolean[] taken = new boolean[words.size()];
        List<DrugNames.Mention> mentions = snapshot.drugs().mentionsIn(words);
        for (DrugNames.Mention m : mentions) {
            mark(taken, m.start(), m.end());
        }
        List<SectionIntents.Match> asked = intents.find(words, taken);
        for (SectionIntents.Match m : asked) {
            mark(taken, m.start(), m.end());
        }

        List<Unit> content = contentUnits(words, owner, taken, lastPart);
        boolean hasOtherParts = parts.stream().anyMatch(p -> p.kind() != UserQuery.Kind.WORD);
        boolean drugRequired = false;
        if (content.isEmpty() && !hasOtherParts) {
            if (!mentions.isEmpty()) {
                drugRequired = true;
            } else if (!asked.isEmpty()) {
                // Only section words ("side effects"): they are what to find.
                for (SectionIntents.Match m : asked) {
                    for (int i = m.start(); i < m.end(); i++) {
                        content.add(new Unit(words.get(i), i == words.size() - 1 && owner.get(i) == lastPart));
                    }
                }
            } else {
                // Only stop words: search them after all rather than nothing.
                for (int i = 0; i < words.size(); i++) {
                    content.add(new Unit(words.get(i), i == words.size() - 1 && owner.get(i) == lastPart));
                }
            }
        }

        Map<String, String> corrections = new LinkedHashMap<>();
        List<Query> contentClauses = new ArrayList<>();
        for (Unit u : content) {
            Query q = wordQuery(u.text(), u.last(), reader, corrections);
            if (q != null) {
                contentClauses.add(q);
            }
        }
        for (UserQuery.Part p : parts) {
            Query q = switch (p.kind()) {
                case PHRASE -> phraseQuery(p.text());
                case PREFIX -> prefixPartQuery(p.text(), reader, corrections);
                case WORD -> null;
            };
            if (q != null) {
                contentClauses.add(q);
            }
        }

        BooleanQuery.Builder common = new BooleanQuery.Builder();
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        contentClauses.forEach(q -> highlight.add(q, Occur.SHOULD));
        for (DrugNames.Mention m : mentions) {
            common.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Schema.SLUG, m.drug().slug()))),
                    m.exact() ? DRUG_INTENT_BOOST : DRUG_INTENT_BOOST * 0.8f), Occur.SHOULD);
            List<String> nameWords = Words.split(m.drug().drug());
            for (int i = m.start(); i < m.end(); i++) {
                String typed = words.get(i);
                String named = nameWords.get(i - m.start());
                if (!typed.equals(named)) {
                    corrections.put(typed, named);
                }
                // A misspelled drug name is searched as the name it was recognised as.
                Query q = wordQuery(named, false, reader, corrections);
                if (q != null) {
                    common.add(q, Occur.SHOULD);
                    highlight.add(q, Occur.SHOULD);
                }
            }
        }
        for (SectionIntents.Match m : asked) {
            float boost = SECTION_INTENT_BOOST;
            for (String section : m.sections()) {
                common.add(new BoostQuery(new ConstantScoreQuery(
                        new TermQuery(new Term(Schema.SECTION_KEY, Schema.sectionKey(section)))), boost), Occur.SHOULD);
                boost *= 0.9f;
            }
            Query q = wordQuery(String.join(" ", words.subList(m.start(), m.end())), false, reader, new LinkedHashMap<>());
            if (q != null) {
                common.add(q, Occur.SHOULD);
                highlight.add(q, Occur.SHOULD);
            }
        }
        boolean justADrug = drugRequired && asked.isEmpty();
        boolean typingADrug = mentions.isEmpty() && asked.isEmpty() && parts.size() == 1 && words.size() == 1
                && lastPart.kind() == UserQuery.Kind.WORD && words.get(0).length() >= 3
                && snapshot.drugs().anyWordStartsWith(words.get(0));
        if (justADrug || typingADrug) {
            // Just a drug's name, or the start of one: what the drug is for comes first.
            common.add(sectionBoost("Overview", DRUG_OVERVIEW_BOOST), Occur.SHOULD);
            common.add(sectionBoost("Usage", DRUG_OVERVIEW_BOOST * 0.9f), Occur.SHOULD);
            common.add(sectionBoost("Generic Name", DRUG_OVERVIEW_BOOST * 0.6f), Occur.SHOULD);
        }
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        addProximity(common, near, highlight, words);
        BooleanQuery proximity = near.build();
        if (drugRequired) {
            BooleanQuery.Builder anyDrug = new BooleanQuery.Builder();
            mentions.forEach(m -> anyDrug.add(new TermQuery(new Term(Schema.SLUG, m.drug().slug())), Occur.SHOULD));
            common.add(anyDrug.build(), Occur.FILTER);
        }
        addExclusions(common, query.excluded());
        addDrugFilter(common, drugFilter);
        BooleanQuery shared = common.build();

        Query strict = combine(shared, contentClauses, contentClauses.size());
        Query relaxed = contentClauses.size() >= 2
                ? combine(shared, contentClauses, (contentClauses.size() + 1) / 2)
                : null;
        boolean hasPositive = !contentClauses.isEmpty() || drugRequired;
        if (!hasPositive) {
            strict = new BooleanQuery.Builder().build();
            relaxed = null;
        }
        Set<String> askedFor = new HashSet<>();
        asked.forEach(m -> m.sections().forEach(section -> askedFor.add(Schema.sectionKey(section))));
        return new Plan(strict, proximity.clauses().isEmpty() ? null : proximity, relaxed, highlight.build(), !mentions.isEmpty(), corrections, askedFor);
    }

    private record Unit(String text, boolean last) {
    }

    /**
     * Content words: plain-word parts whose words name no drug or intent, kept whole where possible; a run of
     * words that is a multi-word synonym entry ("low blood pressure") is one unit.
     */
    private List<Unit> contentUnits(List<String> words, List<UserQuery.Part> owner, boolean[] taken,
                                    UserQuery.Part lastPart) {
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int phrase = synonyms.phraseAt(words, i, taken);
            if (phrase > 0) {
                units.add(new Unit(String.join(" ", words.subList(i, i + phrase)),
                        owner.get(i + phrase - 1) == lastPart && i + phrase == words.size()));
                i += phrase;
                continue;
            }
            UserQuery.Part part = owner.get(i);
            int end = i;
            while (end < words.size() && owner.get(end) == part) {
                end++;
            }
            boolean anyTaken = false;
            for (int k = i; k < end; k++) {
                anyTaken |= taken[k];
            }
            if (!anyTaken && !(end - i == 1 && STOPWORDS.contains(words.get(i)))) {
                units.add(new Unit(part.text(), part == lastPart));
            } else {
                for (int k = i; k < end; k++) {
                    if (!taken[k] && !STOPWORDS.contains(words.get(k))) {
                        units.add(new Unit(words.get(k), part == lastPart && k == end - 1));
                    }
                }
            }
            i = end;
        }
        return units;
    }

    private static Query combine(BooleanQuery shared, List<Query> content, int minimumMatch) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (var clause : shared.clauses()) {
            b.add(clause);
        }
        if (minimumMatch >= content.size()) {
            content.forEach(q -> b.add(q, Occur.MUST));
        } else {
            BooleanQuery.Builder some = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimumMatch);
            content.forEach(q -> some.add(q, Occur.SHOULD));
            b.add(some.build(), Occur.MUST);
        }
        return b.build();
    }

    /** One word (or a hyphenated form) in drug name, headings and body; typo and prefix forms where they help. */
    private Query wordQuery(String text, boolean last, IndexReader reader, Map<String, String> corrections)
            throws IOException {
        List<Query> alternatives = new ArrayList<>();
        Query exact = acrossFields(field -> builder.createBooleanQuery(field, text, Occur.MUST));
        if (exact == null) {
            return null;
        }
        alternatives.add(exact);
        Query synonym = synonymQuery(text);
        if (synonym != null) {
            alternatives.add(synonym);
        }
        List<String> terms = analyze(text);
        if (terms.size() == 1) {
            String term = terms.get(0);
            int df = docFreq(reader, term);
            if (term.length() >= 5 && corrections.size() < MAX_FUZZY_WORDS && df == 0) {
                List<String> near = typos.candidates(reader, term);
                if (!near.isEmpty()) {
                    corrections.put(text, near.get(0));
                    alternatives.add(acrossFields(field -> new BoostQuery(anyOf(field, near), FUZZY_WEIGHT)));
                }
            }
            // The last word may still be being typed; matching it as a prefix also catches forms the light
            // stemmer leaves apart ("work" and "works").
            if (last) {
                String prefix = normalized(text);
                if (prefix.length() >= 2 && !prefix.contains(" ")) {
                    alternatives.add(prefixAcrossFields(prefix, PREFIX_WEIGHT));
                }
            }
        }
        if (last && Words.split(text).size() > 1) {
            // "stevens-john" while typing: the earlier pieces as words, the last as a prefix.
            Query typing = prefixPartQuery(text, reader, corrections);
            if (typing != null) {
                alternatives.add(new BoostQuery(typing, PREFIX_WEIGHT));
            }
        }
        return alternatives.size() == 1 ? exact : new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** The text with its synonyms, where it has any; null otherwise. */
    private Query synonymQuery(String text) throws IOException {
        if (synonymBuilder == null || analyze(synonymAnalyzer, text).equals(analyze(splitOnly, text))) {
            return null;
        }
        Query q = acrossFields(field -> synonymBuilder.createBooleanQuery(field, text, Occur.MUST));
        return q == null ? null : new BoostQuery(q, SYNONYM_WEIGHT);
    }


    private Query phraseQuery(String text) {
        return acrossFields(field -> builder.createPhraseQuery(field, text, 0));
    }

    /** "leuk*": the words before the last as words, the last as a prefix. */
    private static Query anyOf(String field, List<String> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(t -> any.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return any.build();
    }

    private Query prefixPartQuery(String text, IndexReader reader, Map<String, String> corrections) throws IOException {
        List<String> pieces = Words.split(text);
        if (pieces.isEmpty()) {
            return null;
        }
        String prefix = pieces.get(pieces.size() - 1);
        Query prefixQuery = prefixAcrossFields(prefix, 1f);
        if (pieces.size() == 1) {
            return prefixQuery;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : pieces.subList(0, pieces.size() - 1)) {
            Query q = wordQuery(w, false, reader, corrections);
            if (q != null) {
                b.add(q, Occur.MUST);
            }
        }
        b.add(prefixQuery, Occur.MUST);
        return b.build();
    }

    private static Query prefixAcrossFields(String prefix, float weight) {
        List<Query> perField = new ArrayList<>();
        for (int i = 0; i < FIELDS.length; i++) {
            PrefixQuery q = new PrefixQuery(new Term(FIELDS[i], prefix),
                    new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_EXPANSIONS));
            perField.add(new BoostQuery(q, WEIGHTS[i] * weight));
        }
        return new DisjunctionMaxQuery(perField, 0.1f);
    }

    private interface FieldQuery {
        Query build(String field);
    }

    private static Query acrossFields(FieldQuery make) {
        List<Query> perField = new ArrayList<>();
        for (int i = 0; i < FIELDS.length; i++) {
            Query q = make.build(FIELDS[i]);
            if (q != null) {
                perField.add(WEIGHTS[i] == 1f ? q : new BoostQuery(q, WEIGHTS[i]));
            }
        }
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.1f);
    }

    /** Words standing together rank above the same words scattered. */
    private void addProximity(BooleanQuery.Builder b, BooleanQuery.Builder near, BooleanQuery.Builder highlight,
                              List<String> words) {
        List<String> meaningful = new ArrayList<>();
        for (String w : words) {
            if (!STOPWORDS.contains(w)) {
                meaningful.add(w);
            }
        }
        if (meaningful.size() == 1) {
            Query listed = builder.createBooleanQuery(Schema.LEADS, meaningful.get(0), Occur.MUST);
            if (listed != null) {
                b.add(new BoostQuery(listed, LISTED_WEIGHT / 2), Occur.SHOULD);
            }
        }
        if (meaningful.size() < 2 || meaningful.size() > 8) {
            return;
        }
        String text = String.join(" ", meaningful);
        Query exactPhrase = builder.createPhraseQuery(Schema.BODY, text, 0);
        Query nearPhrase = builder.createPhraseQuery(Schema.BODY, text, 4);
        Query headingPhrase = builder.createPhraseQuery(Schema.HEADINGS, text, 1);
        Query listedPhrase = builder.createPhraseQuery(Schema.LEADS, text, 1);
        if (listedPhrase != null) {
            near.add(new BoostQuery(listedPhrase, LISTED_WEIGHT), Occur.SHOULD);
        }
        if (exactPhrase != null) {
            near.add(new BoostQuery(exactPhrase, 1.5f), Occur.SHOULD);
            highlight.add(exactPhrase, Occur.SHOULD);
        }
        if (nearPhrase != null) {
            near.add(nearPhrase, Occur.SHOULD);
        }
        if (headingPhrase != null) {
            near.add(new BoostQuery(headingPhrase, HEADINGS_WEIGHT), Occur.SHOULD);
        }
    }

    private void addExclusions(BooleanQuery.Builder b, List<UserQuery.Part> excluded) {
        for (UserQuery.Part p : excluded) {
            Query q = switch (p.kind()) {
                case PHRASE -> phraseQuery(p.text());
                case PREFIX -> prefixAcrossFields(normalized(p.text()), 1f);
                case WORD -> acrossFields(field -> builder.createBooleanQuery(field, p.text(), Occur.MUST));
            };
            if (q != null) {
                b.add(q, Occur.MUST_NOT);
            }
        }
    }

    /**
     * The query kept to the given canonical sections. Applied apart from planning, so the section facet can
     * count the same query without it.
     */
    static Query onlySections(Query query, List<String> sections) {
        if (sections.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        new LinkedHashSet<>(sections).forEach(s ->
                any.add(new TermQuery(new Term(Schema.SECTION_KEY, Schema.sectionKey(s))), Occur.SHOULD));
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(any.build(), Occur.FILTER).build();
    }

    private static void addDrugFilter(BooleanQuery.Builder b, List<String> drugs) {
        if (!drugs.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            new LinkedHashSet<>(drugs).forEach(s ->
                    any.add(new TermQuery(new Term(Schema.SLUG, s.strip().toLowerCase(Locale.ROOT))), Occur.SHOULD));
            b.add(any.build(), Occur.FILTER);
        }
    }

    private static Query sectionBoost(String section, float boost) {
        return new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(Schema.SECTION_KEY, Schema.sectionKey(section)))), boost);
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    private static int docFreq(IndexReader reader, String term) throws IOException {
        int df = 0;
        for (String field : FIELDS) {
            df += reader.docFreq(new Term(field, term));
        }
        return df;
    }

    private String normalized(String text) {
        return analyzer.normalize(Schema.BODY, text).utf8ToString();
    }

    /** The terms the query analyzer makes of a text. */
    List<String> analyze(String text) throws IOException {
        return analyze(analyzer, text);
    }

    private static List<String> analyze(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Schema.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
