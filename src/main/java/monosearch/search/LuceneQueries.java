package monosearch.search;

import static monosearch.search.RankingPolicy.BODY_WEIGHT;
import static monosearch.search.RankingPolicy.DRUG_WEIGHT;
import static monosearch.search.RankingPolicy.HEADINGS_WEIGHT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queries.spans.SpanFirstQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene queries for an {@link Understanding}: the words in the drug name, the headings and the
 * body; synonyms, typo alternatives and completions of a half-typed word; the drugs and kinds of section asked
 * for as boosts; and what proximity adds to the best matches.
 */
final class LuceneQueries {
    private static final String[] FIELDS = Analysis.TEXT_FIELDS;
    private static final float[] WEIGHTS = {DRUG_WEIGHT, HEADINGS_WEIGHT, BODY_WEIGHT};

    /**
     * The queries of one search, tried in order until one matches.
     *
     * @param attempts   the first query to try, then what to try when it matches nothing
     * @param proximity  what raises a match whose words stand together; added to the best matches' scores
     *                   only (a phrase must read positions, too dear for every match), null when there is none
     * @param highlight  the matching part only, for snippets
     */
    record Plan(List<Query> attempts, Query proximity, Query highlight) {
    }

    private final Analyzer analyzer;
    private final QueryBuilder builder;
    private final QueryBuilder synonymBuilder;
    private final Analyzer synonymAnalyzer;
    /** The synonym analyzer's chain without the synonyms: what a text is when no synonym applies. */
    private final Analyzer splitOnly = DrugTextAnalyzer.forSynonymEntries();

    LuceneQueries(Synonyms synonyms, Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.synonymAnalyzer = synonyms.isEmpty() ? null : DrugTextAnalyzer.withSynonyms(synonyms.map());
        this.synonymBuilder = synonymAnalyzer == null ? null : new QueryBuilder(synonymAnalyzer);
        if (synonymBuilder != null) {
            synonymBuilder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        }
    }

    Plan plan(Understanding u, IndexFacts facts, List<String> drugFilter) throws IOException {
        List<Query> content = new ArrayList<>();
        BooleanQuery.Builder common = new BooleanQuery.Builder();
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        for (Understanding.Unit unit : u.content()) {
            Query q = unitQuery(unit, facts, u.content().size() > 1 || u.namesDrug());
            if (q != null) {
                content.add(q);
            }
            Query inContext = completionInContext(unit, facts);
            if (inContext != null) {
                common.add(inContext, Occur.SHOULD);
                highlight.add(inContext, Occur.SHOULD);
            }
        }
        for (UserQuery.Part p : u.phrases()) {
            Query q = phraseQuery(p.text());
            if (q != null) {
                content.add(q);
            }
        }
        for (UserQuery.Part p : u.prefixes()) {
            Query q = prefixPartQuery(p.text(), facts);
            if (q != null) {
                content.add(q);
            }
        }
        content.forEach(q -> highlight.add(q, Occur.SHOULD));

        Query drugRequired = null;
        if (u.namesDrug()) {
            BooleanQuery.Builder anyDrug = new BooleanQuery.Builder();
            for (DrugNames.Mention m : u.drugs()) {
                addDrug(common, highlight, anyDrug, m, facts, u.shape() == Understanding.Shape.JUST_A_DRUG);
            }
            drugRequired = anyDrug.build();
        }
        for (SectionIntents.Match m : u.asked()) {
            float boost = RankingPolicy.SECTION_INTENT_BOOST;
            for (String section : m.sections()) {
                common.add(sectionBoost(section, boost), Occur.SHOULD);
                boost *= RankingPolicy.NEXT_SECTION_FACTOR;
            }
            if (!m.keepsWords() && m.start() < m.end()) {
                // A section that speaks of what was asked ("store it below 25 °C") is likelier the answer; each word
                // counts ("drink alcohol": a section on alcohol).
                for (String word : Words.split(m.words())) {
                    Query said = QueryUnderstanding.FILLERS.contains(word) ? null
                            : unitQuery(Understanding.Unit.plain(word), facts, true);
                    if (said != null) {
                        common.add(said, Occur.SHOULD);
                        highlight.add(said, Occur.SHOULD);
                    }
                }
            }
        }
        if (u.shape() == Understanding.Shape.JUST_A_DRUG || u.shape() == Understanding.Shape.TYPING_A_DRUG) {
            // Just a drug's name, or the start of one: what the drug is for comes first.
            common.add(sectionBoost("Usage", RankingPolicy.DRUG_OVERVIEW_BOOST), Occur.SHOULD);
            common.add(sectionBoost("Overview", RankingPolicy.DRUG_OVERVIEW_BOOST * 0.9f), Occur.SHOULD);
            common.add(sectionBoost("Generic Name", RankingPolicy.DRUG_OVERVIEW_BOOST * 0.6f), Occur.SHOULD);
        }
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        addProximity(common, near, highlight, u.meaningful());
        if (u.shape() == Understanding.Shape.PURPOSE || u.asksKindOfDrug()) {
            addOpening(near, u.content());
        }
        addExclusions(common, u.excluded());
        addDrugFilter(common, drugFilter);
        BooleanQuery shared = common.build();

        List<Query> attempts = new ArrayList<>();
        if (drugRequired != null) {
            // A drug named: its monographs are the answer, and the other words choose among their sections.
            attempts.add(withFilter(combine(shared, content, false), drugRequired));
            attempts.add(combine(shared, content, true));
        } else if (content.isEmpty()) {
            attempts.add(new MatchNoDocsQuery("nothing to find"));
        } else {
            Query strict = combine(shared, content, true);
            if (u.shape() == Understanding.Shape.PURPOSE) {
                // What treats it: the indications that name it, then any section that does.
                attempts.add(withFilter(strict, sectionQuery("Usage")));
            }
            // No looser attempt (half the words, say): words that stand together nowhere are better answered
            // with nothing, and a correction, than with sections that share one word with the query.
            attempts.add(strict);
        }
        BooleanQuery proximity = near.build();
        return new Plan(attempts, proximity.clauses().isEmpty() ? null : proximity, highlight.build());
    }

    /**
     * The drug's own monographs first, then combinations containing it, and its name matched as words: the
     * name may also stand in other drugs' text ("avoid with warfarin").
     */
    private void addDrug(BooleanQuery.Builder common, BooleanQuery.Builder highlight, BooleanQuery.Builder anyDrug,
                         DrugNames.Mention m, IndexFacts facts, boolean alone) throws IOException {
        float sure = m.exact() ? 1f : RankingPolicy.TYPO_NAME_FACTOR;
        if (!m.own().isEmpty()) {
            BooleanQuery.Builder own = new BooleanQuery.Builder();
            m.own().forEach(d -> own.add(new TermQuery(new Term(Schema.SLUG, d.slug())), Occur.SHOULD));
            Query ownQuery = own.build();
            common.add(new BoostQuery(new ConstantScoreQuery(ownQuery), RankingPolicy.OWN_MONOGRAPH_BOOST * sure), Occur.SHOULD);
            anyDrug.add(ownQuery, Occur.SHOULD);
        }
        // A brand may stand for drugs of other names ("septra": co-trimoxazole, sulfamethoxazole + trimethoprim):
        // each is found by its own name, as well as any other.
        List<String> names = new ArrayList<>(List.of(m.name()));
        m.own().stream().map(DrugNames::plainName).filter(n -> !n.isEmpty() && !names.contains(n)).forEach(names::add);
        List<Query> inNames = new ArrayList<>();
        List<Query> asWords = new ArrayList<>();
        for (String name : names) {
            Query inName = builder.createPhraseQuery(Schema.DRUG, name, 0);
            if (inName != null) {
                inNames.add(inName);
            }
            Query words = unitQuery(Understanding.Unit.plain(name), facts, true);
            if (words != null) {
                asWords.add(words);
            }
        }
        if (!inNames.isEmpty()) {
            Query inName = inNames.size() == 1 ? inNames.get(0) : new DisjunctionMaxQuery(inNames, 0f);
            common.add(new BoostQuery(new ConstantScoreQuery(inName), RankingPolicy.CONTAINING_COMBINATION_BOOST * sure), Occur.SHOULD);
            anyDrug.add(inName, Occur.SHOULD);
        }
        if (!asWords.isEmpty()) {
            Query words = asWords.size() == 1 ? asWords.get(0) : new DisjunctionMaxQuery(asWords, 0f);
            // The name alone: what kind of section it is decides, not how often a section repeats the name.
            common.add(alone ? new BoostQuery(words, RankingPolicy.NAME_WORDS_WEIGHT_ALONE) : words, Occur.SHOULD);
            highlight.add(words, Occur.SHOULD);
        }
    }

    /** The shared clauses with the words to find, each required or each only scoring. */
    private static Query combine(BooleanQuery shared, List<Query> content, boolean required) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (var clause : shared.clauses()) {
            b.add(clause);
        }
        content.forEach(q -> b.add(q, required ? Occur.MUST : Occur.SHOULD));
        return b.build();
    }

    private static Query withFilter(Query query, Query filter) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /**
     * One unit in drug name, headings and body, with its synonyms, typo alternatives, and completions when it
     * is the last word; null when it has no indexable text.
     *
     * @param amongOthers other words stand beside it, so a half-typed last word is likelier a term than a name
     */
    private Query unitQuery(Understanding.Unit unit, IndexFacts facts, boolean amongOthers) throws IOException {
        String text = unit.text();
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
        if (!unit.near().isEmpty()) {
            alternatives.add(acrossFields(field -> new BoostQuery(anyOf(field, unit.near()), RankingPolicy.FUZZY_WEIGHT)));
        }
        if (unit.last()) {
            List<String> pieces = Words.split(text);
            if (pieces.size() == 1) {
                // The last word may still be being typed; its completions also catch forms the light stemmer
                // leaves apart ("work" and "works").
                Query completions = completionsAcrossFields(unit.completions(), RankingPolicy.PREFIX_WEIGHT, amongOthers);
                if (completions != null) {
                    alternatives.add(completions);
                }
            } else {
                // "stevens-john" while typing: the earlier pieces as words, the last as a prefix.
                Query typing = prefixPartQuery(text, facts);
                if (typing != null) {
                    alternatives.add(new BoostQuery(typing, RankingPolicy.PREFIX_WEIGHT));
                }
            }
        }
        return alternatives.size() == 1 ? exact : new DisjunctionMaxQuery(alternatives, 0f);
    }

    /**
     * A half-typed last word completed right after the words typed before it ("hepatic enc" as "hepatic
     * encephalopathy"), in the body and headings; null when there is no such context.
     */
    private Query completionInContext(Understanding.Unit unit, IndexFacts facts) throws IOException {
        List<String> completions = unit.completions();
        if (unit.before().isEmpty()) {
            return null;
        }
        List<String> context = Analysis.terms(analyzer, String.join(" ", unit.before()));
        if (completions.isEmpty() || context.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        for (String field : new String[] {Schema.BODY, Schema.HEADINGS}) {
            MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
            context.forEach(t -> phrase.add(new Term(field, t)));
            phrase.add(completions.stream().map(t -> new Term(field, t)).toArray(Term[]::new));
            perField.add(phrase.build());
        }
        // Constant: a phrase of many alternative completions would otherwise score the sum of all their weights.
        return new BoostQuery(new ConstantScoreQuery(new DisjunctionMaxQuery(perField, 0f)), RankingPolicy.PHRASE_PREFIX_BOOST);
    }

    /** The text with its synonyms, where it has any; null otherwise. */
    private Query synonymQuery(String text) throws IOException {
        if (synonymBuilder == null
                || Analysis.terms(synonymAnalyzer, text).equals(Analysis.terms(splitOnly, text))) {
            return null;
        }
        Query q = acrossFields(field -> synonymBuilder.createBooleanQuery(field, text, Occur.MUST));
        return q == null ? null : new BoostQuery(q, RankingPolicy.SYNONYM_WEIGHT);
    }

    private Query phraseQuery(String text) {
        return acrossFields(field -> builder.createPhraseQuery(field, text, 0));
    }

    private static Query anyOf(String field, List<String> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(t -> any.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return any.build();
    }

    /** "leuk*": the words before the last as words, the last as a prefix. */
    private Query prefixPartQuery(String text, IndexFacts facts) throws IOException {
        List<String> pieces = Words.split(text);
        if (pieces.isEmpty()) {
            return null;
        }
        Query prefixQuery = completionsAcrossFields(
                facts.completions(normalized(pieces.get(pieces.size() - 1)), RankingPolicy.MAX_PREFIX_EXPANSIONS), 1f, false);
        if (prefixQuery == null) {
            return new MatchNoDocsQuery("no indexed word starts with " + pieces.get(pieces.size() - 1));
        }
        if (pieces.size() == 1) {
            return prefixQuery;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : pieces.subList(0, pieces.size() - 1)) {
            Query q = unitQuery(Understanding.Unit.plain(w), facts, true);
            if (q != null) {
                b.add(q, Occur.MUST);
            }
        }
        b.add(prefixQuery, Occur.MUST);
        return b.build();
    }

    /**
     * Completions of a prefix in every field, scored as one word per field (a synonym
     * query), so a prefix with many completions does not outweigh a whole word.
     */
    private static Query completionsAcrossFields(List<String> completions, float weight, boolean amongOthers) {
        if (completions.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        for (int i = 0; i < FIELDS.length; i++) {
            SynonymQuery.Builder any = new SynonymQuery.Builder(FIELDS[i]);
            for (String t : completions) {
                any.addTerm(new Term(FIELDS[i], t));
            }
            float fieldWeight = amongOthers && FIELDS[i].equals(Schema.DRUG)
                    ? RankingPolicy.PREFIX_IN_DRUG_NAME_AFTER_WORDS : WEIGHTS[i];
            perField.add(new BoostQuery(any.build(), fieldWeight * weight));
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

    /** Words standing together rank above the same words scattered; a listed word above a passing mention. */
    private void addProximity(BooleanQuery.Builder b, BooleanQuery.Builder near, BooleanQuery.Builder highlight,
                              List<String> meaningful) {
        if (meaningful.size() == 1) {
            Query listed = builder.createBooleanQuery(Schema.LEADS, meaningful.get(0), Occur.MUST);
            if (listed != null) {
                b.add(new BoostQuery(listed, RankingPolicy.LISTED_WEIGHT / 2), Occur.SHOULD);
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
            near.add(new BoostQuery(listedPhrase, RankingPolicy.LISTED_WEIGHT), Occur.SHOULD);
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

    /**
     * A section whose opening words name what is looked for is about it: "X is used to treat Y", "X is a
     * benzodiazepine". Every unit, as typed, by a synonym or, for a last word, by a completion, must stand there.
     */
    private void addOpening(BooleanQuery.Builder near, List<Understanding.Unit> units) throws IOException {
        List<SpanQuery> all = new ArrayList<>();
        for (Understanding.Unit unit : units) {
            List<SpanQuery> alternatives = new ArrayList<>();
            addSpans(alternatives, builder.createBooleanQuery(Schema.BODY, unit.text(), Occur.MUST));
            if (synonymBuilder != null) {
                addSpans(alternatives, synonymBuilder.createBooleanQuery(Schema.BODY, unit.text(), Occur.MUST));
            }
            if (unit.last()) {
                unit.completions().forEach(c -> alternatives.add(new SpanTermQuery(new Term(Schema.BODY, c))));
            }
            if (alternatives.isEmpty()) {
                return;
            }
            all.add(alternatives.size() == 1 ? alternatives.get(0) : new SpanOrQuery(alternatives.toArray(SpanQuery[]::new)));
        }
        if (all.isEmpty()) {
            return;
        }
        SpanQuery together = all.size() == 1 ? all.get(0)
                : new SpanNearQuery(all.toArray(SpanQuery[]::new), RankingPolicy.OPENING_WORDS, false);
        near.add(new BoostQuery(new ConstantScoreQuery(new SpanFirstQuery(together, RankingPolicy.OPENING_WORDS)),
                RankingPolicy.OPENING_BOOST), Occur.SHOULD);
    }

    /** The span form of an analysed text's query (terms, synonyms, phrases and all of several words), where it has one. */
    private static void addSpans(List<SpanQuery> out, Query q) {
        SpanQuery span = spanOf(q);
        if (span != null) {
            out.add(span);
        }
    }

    private static SpanQuery spanOf(Query q) {
        if (q instanceof BoostQuery b) {
            return spanOf(b.getQuery());
        }
        if (q instanceof TermQuery t) {
            return new SpanTermQuery(t.getTerm());
        }
        if (q instanceof SynonymQuery syn) {
            return new SpanOrQuery(syn.getTerms().stream().map(SpanTermQuery::new).toArray(SpanQuery[]::new));
        }
        if (q instanceof org.apache.lucene.search.PhraseQuery ph && ph.getSlop() == 0) {
            return new SpanNearQuery(java.util.Arrays.stream(ph.getTerms()).map(SpanTermQuery::new).toArray(SpanQuery[]::new), 0, true);
        }
        if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()) {
            List<SpanQuery> parts = new ArrayList<>();
            boolean all = bq.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST);
            for (var c : bq.clauses()) {
                SpanQuery part = spanOf(c.getQuery());
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            SpanQuery[] array = parts.toArray(SpanQuery[]::new);
            return all ? new SpanNearQuery(array, RankingPolicy.OPENING_WORDS, false) : new SpanOrQuery(array);
        }
        return null;
    }

    private void addExclusions(BooleanQuery.Builder b, List<UserQuery.Part> excluded) {
        for (UserQuery.Part p : excluded) {
            Query q = switch (p.kind()) {
                case PHRASE -> phraseQuery(p.text());
                case PREFIX -> prefixAcrossFields(normalized(p.text()));
                case WORD -> acrossFields(field -> builder.createBooleanQuery(field, p.text(), Occur.MUST));
            };
            if (q != null) {
                b.add(q, Occur.MUST_NOT);
            }
        }
    }

    /** Every word with the prefix, for excluding: unlike a completion, no word of it may be left out. */
    private static Query prefixAcrossFields(String prefix) {
        List<Query> perField = new ArrayList<>();
        for (String field : FIELDS) {
            perField.add(new org.apache.lucene.search.PrefixQuery(new Term(field, prefix)));
        }
        return new DisjunctionMaxQuery(perField, 0f);
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
        new LinkedHashSet<>(sections).forEach(s -> any.add(sectionQuery(s), Occur.SHOULD));
        return withFilter(query, any.build());
    }

    private static void addDrugFilter(BooleanQuery.Builder b, List<String> drugs) {
        if (!drugs.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            new LinkedHashSet<>(drugs).forEach(s ->
                    any.add(new TermQuery(new Term(Schema.SLUG, s.strip().toLowerCase(Locale.ROOT))), Occur.SHOULD));
            b.add(any.build(), Occur.FILTER);
        }
    }

    private static Query sectionQuery(String section) {
        return new TermQuery(new Term(Schema.SECTION_KEY, Schema.sectionKey(section)));
    }

    private static Query sectionBoost(String section, float boost) {
        return new BoostQuery(new ConstantScoreQuery(sectionQuery(section)), boost);
    }

    private String normalized(String text) {
        return Analysis.normalized(analyzer, text);
    }
}
