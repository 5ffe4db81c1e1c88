package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import monosearch.index.Schema;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Every weight, boost and factor of the ranking, and the adjustments made to the best matches once retrieved:
 * what is known of whole monographs (how much of one matches, how many drugs it combines) and of kinds of
 * section (a passing mention in the FAQs, a symptom's Side Effects).
 */
final class RankingPolicy {
    // Where a word matches: the drug's name and the headings say more than the body.
    static final float DRUG_WEIGHT = 3f;
    static final float HEADINGS_WEIGHT = 3f;
    static final float BODY_WEIGHT = 1f;
    /** A synonym ("hypotension" for "low blood pressure") counts, but less than the words typed. */
    static final float SYNONYM_WEIGHT = 0.8f;
    static final float FUZZY_WEIGHT = 0.5f;
    static final float PREFIX_WEIGHT = 0.6f;
    /** A half-typed word after other words matches drug names only weakly: it is most often a term being typed. */
    static final float PREFIX_IN_DRUG_NAME_AFTER_WORDS = 0.1f;
    /** The words before a half-typed word, with one of its completions right after them ("hepatic enc"). */
    static final float PHRASE_PREFIX_BOOST = 6f;
    static final int MAX_PREFIX_EXPANSIONS = 50;
    /** A section naming the words in its opening (about two sentences) is about them; added to the best matches. */
    static final int OPENING_WORDS = 25;
    static final float OPENING_BOOST = 6f;
    /** A section that lists the words as an item (a side effect, a precaution) is about them. */
    static final float LISTED_WEIGHT = 2f;

    // Drugs named in the query.
    static final float OWN_MONOGRAPH_BOOST = 10f;
    /** The named drug by a typo: still the drug, a little less sure. */
    static final float TYPO_NAME_FACTOR = 0.8f;
    /** A drug's name typed alone: how often a section of its monographs writes the name matters little. */
    static final float NAME_WORDS_WEIGHT_ALONE = 0.2f;
    /** Sections of other monographs (combinations containing the drug) when the query names a drug with its own. */
    static final float NOT_OWN_MONOGRAPH_FACTOR = 0.5f;
    /** A combination that contains the named drug, below the drug's own monograph. */
    static final float CONTAINING_COMBINATION_BOOST = 4f;

    // Kinds of section.
    /** What two drugs named together are asked about, unless the query says. */
    static final List<String> TWO_DRUGS_ASK_FOR = List.of("Drug Interactions", "Precautions", "FAQs");
    /** What a drug named with a strength ("20mg") is asked about, unless the query says. */
    static final List<String> STRENGTH_ASKS_FOR = List.of("Dosage");
    static final float SECTION_INTENT_BOOST = 6f;
    /** Each further section an intent asks for weighs this much of the one before. */
    static final float NEXT_SECTION_FACTOR = 0.9f;
    static final float DRUG_OVERVIEW_BOOST = 8f;
    static final Set<String> PASSING_MENTIONS = Set.of("faqs", "disclaimer");
    static final float PASSING_MENTION_FACTOR = 0.6f;
    // A question asked in words ("can I drive after taking it") is what an FAQ answers: its FAQs are not demoted.
    /**
     * A symptom or term asked about with no drug and no kind of section: the sections listing it as an effect
     * come first, then warnings; what treats it (Usage) or how much to take weighs less.
     */
    static final Map<String, Float> TOPIC_SECTION_FACTORS = Map.of(
            "side effects", 1.3f, "warnings and precautions", 1.2f, "boxed warning", 1.1f,
            "usage", 0.6f, "how it works", 0.6f, "dosage", 0.6f, "generic name", 0.6f, "contraindications", 0.8f);
    /**
     * A kind of drug asked about ("benzodiazepine", "sleeping pills": intents.txt steers it to Usage and How it
     * Works): what a drug is and is for comes first, and other drugs' warnings about the kind ("avoid with
     * benzodiazepines") weigh less.
     */
    static final Map<String, Float> KIND_OF_DRUG_SECTION_FACTORS = Map.of(
            "how it works", 1.3f, "usage", 1.3f, "generic name", 1f, "overview", 1f);
    static final float KIND_OF_DRUG_OTHER_FACTOR = 0.6f;

    // Whole monographs.
    static final float OTHER_SECTION_BONUS = 0.08f;
    static final int MAX_OTHER_SECTIONS_COUNTED = 3;
    /** Per ingredient beyond the first, when the query names none of them. */
    static final float COMBINATION_PENALTY = 0.5f;
    /** Per ingredient beyond the first, when the query asks what treats something. */
    static final float PURPOSE_COMBINATION_PENALTY = 1f;
    static final float MIN_COMBINATION_FACTOR = 0.4f;

    // The page.
    /** Sections of one drug allowed on the first page, unless the query names the drug. */
    static final int PER_DRUG_ON_FIRST_PAGE = 3;
    /** Sections of each of the two best monographs taken in turn at the top, when the query names several drugs. */
    static final int ALTERNATED_PER_DRUG = 3;
    static final int FIRST_PAGE = 10;
    /** Best matches that proximity may reorder: deep enough that a phrase far down still comes up. */
    static final int RESCORED = 100;

    private RankingPolicy() {
    }

    /**
     * Equal scores, at every step, by monograph, then section position: not by index order, which depends on how a
     * reindex spread files over its threads and on which shard a monograph is, so two indexes of the same files
     * (or one index and a collection of shards) would list and cut tied matches differently.
     */
    private static Comparator<RankedMatch> by(Comparator<RankedMatch> score) {
        return score.thenComparing(RankedMatch::slug, RankingPolicy::byCodePoints).thenComparingInt(RankedMatch::position);
    }

    /** Code point order: the UTF-8 byte order in which Lucene sorts the slug doc values of the first pass. */
    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static final Comparator<RankedMatch> BY_FIRST = by((a, b) -> Float.compare(b.first(), a.first()));
    static final Comparator<RankedMatch> BY_RESCORED = by((a, b) -> Float.compare(b.rescored(), a.rescored()));
    static final Comparator<RankedMatch> BY_RANK = by((a, b) -> Float.compare(b.ranked(), a.ranked()));

    /** A best match with its monograph, which {@link #diversify} needs. */
    static final class RankedDoc extends ScoreDoc {
        final String slug;

        RankedDoc(int doc, float score, String slug) {
            super(doc, score);
            this.slug = slug;
        }
    }

    /** Ranked matches as the docs {@link #diversify} orders, by their final score. */
    static RankedDoc[] docs(List<RankedMatch> ranked) {
        RankedDoc[] out = new RankedDoc[ranked.size()];
        Arrays.setAll(out, i -> new RankedDoc(ranked.get(i).doc(), ranked.get(i).ranked(), ranked.get(i).slug()));
        return out;
    }

    /**
     * Each best match's rescored score adjusted by what is known of its monograph and kind of section, in the given
     * order. A match's adjustment depends on it and its monograph only (all of whose sections are on one shard).
     */
    static List<RankedMatch> rerank(IndexSearcher searcher, List<RankedMatch> docs, MatchCounts.Counts counts, Understanding query)
            throws IOException {
        ScoreDoc[] ids = new ScoreDoc[docs.size()];
        Arrays.setAll(ids, i -> new ScoreDoc(docs.get(i).doc(), docs.get(i).rescored()));
        HitKeys keys = HitKeys.of(searcher, ids);
        Set<String> asked = query.askedSectionKeys();
        Set<String> namedOwn = new java.util.HashSet<>();
        query.drugs().forEach(m -> m.own().forEach(d -> namedOwn.add(d.slug())));
        boolean oneDrug = query.namesDrug() && !query.namesSeveralDrugs();
        boolean topic = query.shape() == Understanding.Shape.TOPIC && asked.isEmpty();
        boolean kindOfDrug = query.asksKindOfDrug();
        List<RankedMatch> out = new ArrayList<>(docs.size());
        for (int i = 0; i < ids.length; i++) {
            int others = Math.min(counts.ofMonograph(keys.segment()[i], keys.slugOrd()[i]) - 1, MAX_OTHER_SECTIONS_COUNTED);
            float score = ids[i].score * (1 + OTHER_SECTION_BONUS * others);
            String key = Schema.sectionKey(keys.section()[i]);
            if (PASSING_MENTIONS.contains(key) && !asked.contains(key) && !(query.question() && key.equals("faqs"))) {
                score *= PASSING_MENTION_FACTOR;
            }
            if (kindOfDrug) {
                score *= KIND_OF_DRUG_SECTION_FACTORS.getOrDefault(key, KIND_OF_DRUG_OTHER_FACTOR);
            } else if (topic) {
                score *= TOPIC_SECTION_FACTORS.getOrDefault(key, 1f);
            }
            if (!query.namesDrug()) {
                score *= combinationFactor(keys.ingredients()[i], query.shape());
            } else if (oneDrug && !namedOwn.isEmpty() && !namedOwn.contains(keys.slug()[i])) {
                // A combination containing the drug named: after the drug's own monographs, whose sections answer.
                // (Two drugs named: a combination of both answers how they go together.)
                score *= NOT_OWN_MONOGRAPH_FACTOR;
            }
            out.add(docs.get(i).withRanked(score));
        }
        return out;
    }

    /**
     * The ranked matches of a window, best first: of the candidates, the {@code depth} best by the first pass; of
     * those, the {@code kept} best once proximity raised them; those by their final score. Candidates may come from
     * one index or from every shard of a collection (each shard's own first-pass best, a superset of its part of the
     * collection's): the result is the same, since every score depends on its match alone and ties are broken by
     * monograph and position, never by where a match was found.
     */
    static List<RankedMatch> select(Collection<RankedMatch> candidates, int depth, int kept) {
        List<RankedMatch> out = new ArrayList<>(candidates);
        out.sort(BY_FIRST);
        out = new ArrayList<>(out.subList(0, Math.min(depth, out.size())));
        out.sort(BY_RESCORED);
        out = new ArrayList<>(out.subList(0, Math.min(kept, out.size())));
        out.sort(BY_RANK);
        return out;
    }

    private static float combinationFactor(int ingredients, Understanding.Shape shape) {
        float penalty = shape == Understanding.Shape.PURPOSE ? PURPOSE_COMBINATION_PENALTY : COMBINATION_PENALTY;
        return Math.max(MIN_COMBINATION_FACTOR, 1f / (1f + penalty * Math.max(0, ingredients - 1)));
    }

    /**
     * The order on the pages: as ranked when the query names a drug; the two best monographs' sections in turn at
     * the top when it names several (the rarer name scores higher, so one drug's every section would come first);
     * else at most a few sections of one drug on the first page.
     */
    static List<ScoreDoc> onPages(RankedDoc[] docs, boolean namesDrug, boolean severalDrugs) {
        return severalDrugs ? alternate(docs) : namesDrug ? List.of(docs) : diversify(docs);
    }

    private static List<ScoreDoc> alternate(RankedDoc[] docs) {
        String first = docs.length == 0 ? null : docs[0].slug;
        String second = null;
        List<RankedDoc> ofFirst = new ArrayList<>();
        List<RankedDoc> ofSecond = new ArrayList<>();
        for (RankedDoc d : docs) {
            if (d.slug.equals(first)) {
                ofFirst.add(d);
            } else if (second == null || d.slug.equals(second)) {
                second = d.slug;
                ofSecond.add(d);
            }
        }
        List<ScoreDoc> out = new ArrayList<>();
        for (int i = 0; i < ALTERNATED_PER_DRUG; i++) {
            if (i < ofFirst.size()) {
                out.add(ofFirst.get(i));
            }
            if (i < ofSecond.size()) {
                out.add(ofSecond.get(i));
            }
        }
        Set<ScoreDoc> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        taken.addAll(out);
        for (RankedDoc d : docs) {
            if (!taken.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** At most a few sections of one drug on the first page; the rest follow after it, in rank order. Docs come best first. */
    static List<ScoreDoc> diversify(RankedDoc[] docs) {
        Map<String, Integer> perDrug = new HashMap<>();
        List<ScoreDoc> first = new ArrayList<>();
        List<RankedDoc> later = new ArrayList<>();
        for (RankedDoc d : docs) {
            if (first.size() >= FIRST_PAGE) {
                later.add(d);
                continue;
            }
            if (perDrug.merge(d.slug, 1, Integer::sum) <= PER_DRUG_ON_FIRST_PAGE) {
                first.add(d);
            } else {
                later.add(d);
            }
        }
        // The docs come best first, so the ones left for later are in rank order already.
        first.addAll(later);
        return first;
    }
}
