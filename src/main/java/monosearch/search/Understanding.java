package monosearch.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query asks, before any Lucene query is built: the words to find, the drugs it names, the kinds of
 * section it asks for, whether it asks what treats something, and the typed words it corrects.
 *
 * @param content     the words to find, each a unit (a multi-word synonym entry is one); all must match unless
 *                    the query names a drug, whose sections they then only choose among
 * @param phrases     quoted phrases, which must match
 * @param prefixes    words typed with a trailing {@code *}
 * @param excluded    {@code -words} and {@code -"phrases"}
 * @param drugs       the drugs named, by name, by brand (a synonym) or with a typo
 * @param asked       phrases asking for a kind of section ("dose", "side effects"), in query order
 * @param meaningful  the typed words to find, in order, fillers left out: standing together they rank higher
 * @param corrections typed words matching nothing indexed → the likeliest indexed word, for "did you mean"
 * @param shape       what kind of question this is, for the ranking policy
 * @param question    asked as a question in words ("can I ...", "what happens if ..."), as the FAQs are
 */
record Understanding(List<Unit> content, List<UserQuery.Part> phrases, List<UserQuery.Part> prefixes,
                     List<UserQuery.Part> excluded, List<DrugNames.Mention> drugs, List<SectionIntents.Match> asked,
                     List<String> meaningful, Map<String, String> corrections, Shape shape,
                     boolean question) {

    /**
     * Words to find as one unit.
     *
     * @param text   as typed (or as the synonym entry reads)
     * @param last   the query's last word, maybe still being typed
     * @param near   indexed words one or two edits away, when the unit is a word indexed nowhere
     * @param before the words typed just before a last word, for completing it in context ("hepatic enc")
     * @param completions indexed words a last word of one piece may be the start of, the most frequent first
     */
    record Unit(String text, boolean last, List<String> near, List<String> before, List<String> completions) {
        /** Words to find as typed, neither last nor misspelled: a drug's name, a piece of a hyphenated word. */
        static Unit plain(String text) {
            return new Unit(text, false, List.of(), List.of(), List.of());
        }
    }

    enum Shape {
        /** Only a drug's name: what the drug is for comes first. */
        JUST_A_DRUG,
        /** One word that starts a drug's name, maybe still being typed. */
        TYPING_A_DRUG,
        /** A drug named with other words: the other words choose among its sections. */
        ABOUT_A_DRUG,
        /** What treats something ("drugs for angina"): the indications that name it. */
        PURPOSE,
        /** Anything else: a symptom, a term, a kind of drug. */
        TOPIC
    }

    boolean namesDrug() {
        return !drugs.isEmpty();
    }

    /** Two drugs or more, by name ("ibuprofen and warfarin"): then the query asks how they go together. */
    boolean namesSeveralDrugs() {
        return drugs.stream().map(DrugNames.Mention::name).distinct().count() >= 2;
    }

    /**
     * A kind of drug asked about and nothing else ("benzodiazepine", "blood thinner", "SGLT2 inhibitors"): a topic
     * steered to what drugs are and do.
     */
    boolean asksKindOfDrug() {
        return shape == Shape.TOPIC && !asked.isEmpty() && asked.stream().allMatch(SectionIntents.Match::keepsWords)
                && asked.stream().anyMatch(m -> m.sections().contains("Usage") || m.sections().contains("How it Works"));
    }

    /** Section keys the query asked for, never demoted as passing mentions. */
    Set<String> askedSectionKeys() {
        return asked.stream().flatMap(m -> m.sections().stream()).map(monosearch.index.Schema::sectionKey)
                .collect(java.util.stream.Collectors.toSet());
    }
}
