package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import monosearch.index.Schema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reads a typed query into an {@link Understanding}: which words name drugs (by name, brand or with a typo),
 * which ask for a kind of section, which are question words and fillers, and which are the thing to find.
 */
final class QueryUnderstanding {
    /** Words per query that may be matched with typos; the rest must be spelled as indexed. */
    static final int MAX_FUZZY_WORDS = 4;
    /** Shortest word matched with typos: shorter ones (INR, QT, ACE) are abbreviations, not misspellings. */
    static final int MIN_FUZZY_LENGTH = 5;
    /** Words typed before a last word that complete it in context ("acute kidney inj"). */
    static final int CONTEXT_WORDS = 2;
    /** Shortest start of a word completed while typing: one letter would stand for thousands of words. */
    static final int MIN_PREFIX_LENGTH = 2;
    /** Shortest start of a drug's name taken for the drug while typing. */
    static final int MIN_COMPLETED_DRUG_PREFIX = 4;
    /** Sections a completion must be written in for a last word to count as being typed. */
    static final int MIN_COMPLETION_SECTIONS = 5;
    /** Letters a typed drug name may lack and still be offered completed as "did you mean". */
    static final int MAX_LETTERS_SUGGESTED = 2;
    /** Sections of other monographs that make a drug's name with the words beside it a term, not the drug. */
    static final int TERM_MIN_SECTIONS = 10;
    /**
     * Question words and fillers: they never decide what is found, so a question that names a drug finds that
     * drug ("is ibuprofen ok in pregnancy").
     */
    static final Set<String> FILLERS = Set.of("a", "an", "the", "of", "in", "on", "for", "to", "is", "are", "was",
            "were", "be", "been", "being", "am", "and", "or", "with", "what", "how", "does", "do", "did", "can", "i",
            "it", "its", "my", "me", "we", "you", "your", "should", "when", "why", "which", "who", "where", "about",
            "at", "by", "from", "as", "this", "that", "these", "those", "there", "if", "any", "much", "will",
            "could", "would", "take", "taking", "taken", "during", "while", "ok", "okay", "fine", "get", "have",
            "has", "need", "use", "using", "also", "some", "tell", "know", "want", "please", "long", "like", "just",
            "really", "good", "bad", "happens", "happen", "after", "before", "someone", "people", "person",
            "drug", "drugs", "medicine", "medicines", "medication", "medications", "pill", "pills", "tablet",
            "tablets", "than", "then", "so", "not", "no", "yes", "best", "near", "under", "over", "top", "may", "might",
            "must", "shall", "go", "going", "ever", "still", "better", "way");

    /** A strength as typed, in one word ("20mg", "2.5mcg") or its unit after a number ("500 mg"). */
    private static final Pattern STRENGTH = Pattern.compile("(\\d+(\\.\\d+)?)?(mg|mcg|microgram|micrograms|milligram|milligrams|iu)");

    /** Words for medicines in general: after what they treat ("cough medicine"), they ask what treats it. */
    private static final Set<String> PRODUCT_WORDS = Set.of("medicine", "medicines", "medication", "medications",
            "tablets", "tablet", "pills", "pill", "drugs", "remedy", "remedies", "treatments");

    /** Words that put two things together: a drug and a kind of drug so joined ask whether they go together. */
    private static final Set<String> JOINING_WORDS = Set.of("and", "with", "plus", "together", "alongside", "while");

    /** First words of a question asked in words. */
    static final Set<String> QUESTION_WORDS = Set.of("can", "could", "should", "is", "are", "was", "what", "how",
            "when", "why", "which", "who", "does", "do", "did", "will", "would", "may", "might", "must", "shall");

    private final Synonyms synonyms;
    private final SectionIntents intents;
    private final Analyzer analyzer;

    QueryUnderstanding(Synonyms synonyms, SectionIntents intents, Analyzer analyzer) {
        this.synonyms = synonyms;
        this.intents = intents;
        this.analyzer = analyzer;
    }

    Understanding understand(UserQuery query, IndexFacts facts) throws IOException {
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
        Map<String, String> corrections = new LinkedHashMap<>();
        List<DrugNames.Mention> drugs = drugsNamed(words, taken, facts, corrections);
        if (distinctDrugs(drugs) >= 2) {
            // "metformin alcohol": beside another drug, a name that also asks for a kind of section asks for it.
            List<DrugNames.Mention> asking = drugs.stream().filter(m -> m.exact() && asksForSections(m.words())).toList();
            if (asking.size() < drugs.size()) {
                asking.forEach(m -> Arrays.fill(taken, m.start(), m.end(), false));
                drugs = drugs.stream().filter(m -> !asking.contains(m)).toList();
            }
        }
        List<SectionIntents.Match> found = intents.find(words, taken);
        // A kind of drug steers to what drugs are and do only when nothing else is asked ("beta blocker side
        // effects" asks for side effects) and when it is not a word before others to find, which it modifies
        // ("neuroleptic malignant syndrome", "statin myopathy").
        boolean sectionAsked = found.stream().anyMatch(m -> !m.keepsWords());
        List<SectionIntents.Match> asked = found.stream().filter(m -> !m.keepsWords() || !sectionAsked
                && (m.end() >= words.size() || taken[m.end()] || FILLERS.contains(words.get(m.end())))).toList();
        for (SectionIntents.Match m : asked) {
            if (!m.keepsWords()) {
                mark(taken, m.start(), m.end());
            }
        }

        if (asked.isEmpty() && drugs.isEmpty() && asksForProducts(words, taken)) {
            // "cough medicine", "heartburn tablets": what treats it, as "medicine for cough" asks.
            int last = words.size() - 1;
            asked = List.of(new SectionIntents.Match(last, last + 1, List.of("Usage"), false, words.get(last)));
            taken[last] = true;
        }
        List<Understanding.Unit> content = contentUnits(words, owner, taken, lastPart, facts, corrections);
        if (asked.isEmpty() && drugs.isEmpty()) {
            asked = kindOfDrugBySynonym(content);
        }
        List<DrugNames.Mention> inTerms = content.isEmpty() ? List.of() : partOfTerms(drugs, words, taken, facts);
        if (!inTerms.isEmpty()) {
            // The name is part of a term written across many monographs ("calcium channel blocker"), or a name
            // only combinations carry among other words to find: its words are searched as words.
            for (DrugNames.Mention m : inTerms) {
                Arrays.fill(taken, m.start(), m.end(), false);
                for (int i = m.start(); i < m.end(); i++) {
                    corrections.remove(words.get(i));
                }
            }
            drugs = drugs.stream().filter(m -> !inTerms.contains(m)).toList();
            content = contentUnits(words, owner, taken, lastPart, facts, corrections);
        }
        drugs = new ArrayList<>(drugs);
        drugsByCorrection(content, facts, drugs);
        if (drugs.isEmpty() && asked.isEmpty() && content.size() == 1 && onlyWords(parts)) {
            drugByCompletion(content, facts, drugs, corrections);
        }
        drugs.replaceAll(m -> withOtherNames(m, facts));
        if (asked.isEmpty() && !drugs.isEmpty() && words.stream().anyMatch(w -> STRENGTH.matcher(w).matches())) {
            // "omeprazole 20mg", "amoxicillin 500 mg": a strength typed asks how much to take.
            asked = List.of(new SectionIntents.Match(0, 0, RankingPolicy.STRENGTH_ASKS_FOR, false, ""));
        }
        if (asked.isEmpty() && distinctDrugs(drugs) >= 2
                || distinctDrugs(drugs) == 1 && joinsAKindOfDrug(asked, words)) {
            // "ibuprofen and warfarin", "warfarin and nsaids": whether they go together.
            asked = List.of(new SectionIntents.Match(0, 0, RankingPolicy.TWO_DRUGS_ASK_FOR, false, ""));
        }
        boolean onlyWords = parts.stream().allMatch(p -> p.kind() == UserQuery.Kind.WORD);
        if (content.isEmpty() && onlyWords && drugs.isEmpty()) {
            // Only section words ("side effects") or only fillers: they are what to find after all.
            for (int i = 0; i < words.size(); i++) {
                content.add(unit(words.get(i), i == words.size() - 1 && owner.get(i) == lastPart, List.of(), facts, corrections));
            }
        }
        List<UserQuery.Part> phrases = parts.stream().filter(p -> p.kind() == UserQuery.Kind.PHRASE).toList();
        List<UserQuery.Part> prefixes = parts.stream().filter(p -> p.kind() == UserQuery.Kind.PREFIX).toList();
        List<String> meaningful = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!taken[i] && !FILLERS.contains(words.get(i))) {
                meaningful.add(words.get(i));
            }
        }
        Understanding.Shape shape = shape(drugs, asked, content, onlyWords, words, lastPart, facts);
        boolean question = !words.isEmpty() && (QUESTION_WORDS.contains(words.get(0)) || query.asked());
        return new Understanding(content, phrases, prefixes, query.excluded(), drugs, asked, meaningful,
                corrections, shape, question);
    }

    private static Understanding.Shape shape(List<DrugNames.Mention> drugs, List<SectionIntents.Match> asked,
                                             List<Understanding.Unit> content, boolean onlyWords, List<String> words,
                                             UserQuery.Part lastPart, IndexFacts names) {
        if (!drugs.isEmpty()) {
            return content.isEmpty() && asked.isEmpty() && onlyWords
                    ? Understanding.Shape.JUST_A_DRUG : Understanding.Shape.ABOUT_A_DRUG;
        }
        boolean asksUse = asked.stream().anyMatch(m -> !m.keepsWords() && m.sections().contains("Usage"));
        if (asksUse && !content.isEmpty()) {
            return Understanding.Shape.PURPOSE;
        }
        if (asked.isEmpty() && onlyWords && words.size() == 1 && words.get(0).length() >= 3
                && names.anyWordStartsWith(words.get(0)) && lastPart != null) {
            return Understanding.Shape.TYPING_A_DRUG;
        }
        return Understanding.Shape.TOPIC;
    }

    /**
     * Drugs named in the words: by a monograph's name or an ingredient's (a typo allowed), or by a synonym that
     * is a drug's name (a brand). Their words are taken; a misspelled name is corrected to the name.
     */
    private List<DrugNames.Mention> drugsNamed(List<String> words, boolean[] taken, IndexFacts names,
                                               Map<String, String> corrections) throws IOException {
        List<DrugNames.Mention> found = new ArrayList<>();
        for (DrugNames.Mention m : names.mentionsIn(words)) {
            boolean beingTyped = !m.exact() && m.end() == words.size() && startsLongerWord(words.get(m.end() - 1), names);
            if (!beingTyped && (m.exact() || longestEntryAt(words, m.start()) < m.end() - m.start())) {
                found.add(m);
                mark(taken, m.start(), m.end());
                for (int i = m.start(); i < m.end(); i++) {
                    String named = m.words().get(i - m.start());
                    if (!words.get(i).equals(named)) {
                        corrections.put(words.get(i), named);
                    }
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(synonyms.longestEntry(), words.size() - i); n >= 1; n--) {
                if (!free(taken, i, n)) {
                    continue;
                }
                DrugNames.Mention byBrand = brand(words.subList(i, i + n), names, i);
                if (byBrand != null) {
                    found.add(byBrand);
                    mark(taken, i, i + n);
                    break;
                }
            }
            if (!taken[i]) {
                DrugNames.Mention misspelt = misspeltBrand(words, i, names, corrections);
                if (misspelt != null) {
                    found.add(misspelt);
                    mark(taken, i, i + 1);
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(DrugNames.Mention::start));
        return found;
    }

    /**
     * Words in the longest synonym entry starting at word {@code start}, 0 if none: a typed entry ("retin a")
     * is meant as written, not as a typo of a drug's name ("rutin").
     */
    private int longestEntryAt(List<String> words, int start) {
        for (int n = Math.min(synonyms.longestEntry(), words.size() - start); n >= 1; n--) {
            if (synonyms.hasEntry(String.join(" ", words.subList(start, start + n)))) {
                return n;
            }
        }
        return 0;
    }

    /**
     * Whether a last word is the start of a longer indexed word: then it is being typed ("lactic acido"), not
     * a misspelled drug name.
     */
    private boolean startsLongerWord(String word, IndexFacts facts) throws IOException {
        String prefix = Analysis.normalized(analyzer, word);
        return startsLongerWord(prefix, facts.completions(prefix, 2), facts);
    }

    /**
     * Whether a prefix starts a longer word written in a few sections at least: a one-off joined form
     * ("atorvastatinezetimibe") does not make a misspelled "atorvastatine" a word being typed.
     */
    private static boolean startsLongerWord(String prefix, List<String> completions, IndexFacts facts) throws IOException {
        for (String c : completions) {
            if (c.length() > prefix.length() && facts.docFreq(c) >= MIN_COMPLETION_SECTIONS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drugs named among other words to find that are no drug asked about: names only combinations carry, and
     * names that, with the words beside them, make a term written in many other monographs.
     */
    private List<DrugNames.Mention> partOfTerms(List<DrugNames.Mention> drugs, List<String> words, boolean[] taken,
                                                IndexFacts facts) throws IOException {
        List<DrugNames.Mention> out = new ArrayList<>();
        for (DrugNames.Mention m : drugs) {
            if (m.own().isEmpty()) {
                out.add(m);
                continue;
            }
            int start = m.start();
            int end = m.end();
            while (start > 0 && !taken[start - 1] && !FILLERS.contains(words.get(start - 1))) {
                start--;
            }
            while (end < words.size() && !taken[end] && !FILLERS.contains(words.get(end))) {
                end++;
            }
            if ((start < m.start() || end > m.end()) && m.exact()
                    && (writtenElsewhere(words.subList(start, end), m, facts)
                        || end > m.end() && writtenElsewhere(words.subList(m.start(), m.end() + 1), m, facts)
                        || start < m.start() && writtenElsewhere(words.subList(m.start() - 1, m.end()), m, facts))) {
                // The whole run, or the name with the word after or before it ("potassium channel opener": the
                // corpus writes "potassium channel" often, the three words once).
                out.add(m);
            }
        }
        return out;
    }

    private static boolean writtenElsewhere(List<String> phrase, DrugNames.Mention m, IndexFacts facts) throws IOException {
        return sectionsElsewhere(String.join(" ", phrase), m, facts) >= TERM_MIN_SECTIONS;
    }

    /** Sections outside the drug's own monographs holding the words as a phrase. */
    private static int sectionsElsewhere(String phrase, DrugNames.Mention m, IndexFacts facts) throws IOException {
        return facts.sectionsElsewhere(phrase, m.own().stream().map(DrugNames.Drug::slug).toList());
    }

    private static boolean onlyWords(List<UserQuery.Part> parts) {
        return parts.stream().allMatch(p -> p.kind() == UserQuery.Kind.WORD);
    }

    /**
     * One word being typed whose likeliest completion naming a drug is that drug ("metformi"): the drug, and,
     * when the word lacks only a letter or two of the name, its name as the suggestion.
     */
    private static void drugByCompletion(List<Understanding.Unit> content, IndexFacts names, List<DrugNames.Mention> drugs,
                                         Map<String, String> corrections) {
        Understanding.Unit u = content.get(0);
        String typed = Words.fold(u.text());
        if (!u.last() || typed.length() < MIN_COMPLETED_DRUG_PREFIX) {
            return;
        }
        for (String completion : u.completions()) {
            DrugNames.Mention m = names.named(List.of(completion));
            if (m != null && !m.own().isEmpty()) {
                drugs.add(new DrugNames.Mention(m.own(), m.words(), 0, 1, false));
                content.clear();
                if (completion.length() - typed.length() <= MAX_LETTERS_SUGGESTED) {
                    corrections.put(u.text(), completion);
                }
                return;
            }
        }
    }

    /** Whether the words are, all of them, a phrase asking for a kind of section ("alcohol"). */
    private boolean asksForSections(List<String> words) {
        List<SectionIntents.Match> found = intents.find(words, new boolean[words.size()]);
        return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == words.size();
    }

    /**
     * Whether the last word is a word for medicines after other words to find, and no synonym entry ends with it
     * ("water tablets" is a diuretic's lay name).
     */
    private boolean asksForProducts(List<String> words, boolean[] taken) {
        int last = words.size() - 1;
        if (last < 1 || taken[last] || !PRODUCT_WORDS.contains(words.get(last))) {
            return false;
        }
        boolean other = false;
        for (int i = 0; i < last; i++) {
            if (synonyms.phraseAt(words, i, taken) > last - i) {
                return false;
            }
            other |= !taken[i] && !FILLERS.contains(words.get(i));
        }
        return other;
    }

    /**
     * A kind of drug asked by a lay name the synonyms give for it ("allergy tablets": antihistamine), steered as
     * the kind's own name is.
     */
    private List<SectionIntents.Match> kindOfDrugBySynonym(List<Understanding.Unit> content) {
        for (Understanding.Unit u : content) {
            for (List<String> alternative : synonyms.alternativesOfPlural(Words.split(u.text()))) {
                for (SectionIntents.Match m : intents.find(alternative, new boolean[alternative.size()])) {
                    if (m.keepsWords()) {
                        return List.of(new SectionIntents.Match(0, 0, m.sections(), true, ""));
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * Whether a kind of drug, the only thing asked, is joined to the drug named ("lithium with diuretics"): the
     * query then asks how the two go together, not what the kind is ("is warfarin an anticoagulant").
     */
    private static boolean joinsAKindOfDrug(List<SectionIntents.Match> asked, List<String> words) {
        return !asked.isEmpty() && asked.stream().allMatch(SectionIntents.Match::keepsWords)
                && words.stream().anyMatch(JOINING_WORDS::contains);
    }

    private static long distinctDrugs(List<DrugNames.Mention> drugs) {
        return drugs.stream().map(DrugNames.Mention::name).distinct().count();
    }

    /**
     * Words indexed nowhere whose likeliest correction is a drug's name ("levotiroxine", two edits from
     * levothyroxine) or a brand's name the synonyms give name that drug, as a misspelled name one edit away does.
     */
    private void drugsByCorrection(List<Understanding.Unit> content, IndexFacts names, List<DrugNames.Mention> drugs) {
        for (var it = content.iterator(); it.hasNext(); ) {
            Understanding.Unit u = it.next();
            if (u.near().isEmpty()) {
                continue;
            }
            List<String> corrected = Words.split(u.near().get(0));
            DrugNames.Mention m = names.named(corrected);
            if (m == null || m.own().isEmpty()) {
                m = brand(corrected, names, 0);  // a brand the corpus writes somewhere ("prozak": prozac)
            }
            if (m != null && !m.own().isEmpty()) {
                drugs.add(new DrugNames.Mention(m.own(), m.words(), drugs.size(), drugs.size(), false));
                it.remove();
            }
        }
    }

    /**
     * A brand one typo away ("lipitr", "synthroyd"): a word indexed nowhere and near no indexed word, not being
     * typed, one edit from a one-word synonym entry that names a drug. It is corrected to the brand.
     */
    private DrugNames.Mention misspeltBrand(List<String> words, int i, IndexFacts names, Map<String, String> corrections)
            throws IOException {
        String word = words.get(i);
        if (word.length() < Synonyms.MIN_NEAR_LENGTH || corrections.size() >= MAX_FUZZY_WORDS) {
            return null;
        }
        List<String> near = synonyms.entriesNear(word);
        if (near.isEmpty()) {
            return null;
        }
        String term = Analysis.normalized(analyzer, word);
        if (names.docFreq(term) > 0 || (i == words.size() - 1 && startsLongerWord(word, names))
                || !names.typos(term).isEmpty() || !othersIndexed(words, i, names)) {
            return null;
        }
        for (String entry : near) {
            DrugNames.Mention m = brand(List.of(entry), names, i);
            if (m != null) {
                corrections.put(word, entry);
                return new DrugNames.Mention(m.own(), m.words(), m.start(), m.end(), false);
            }
        }
        return null;
    }

    /** Whether every other word but fillers is written somewhere: else the query is likely about something else. */
    private boolean othersIndexed(List<String> words, int except, IndexFacts names) throws IOException {
        for (int k = 0; k < words.size(); k++) {
            if (k != except && !FILLERS.contains(words.get(k))) {
                for (String t : Analysis.terms(analyzer, words.get(k))) {
                    if (names.docFreq(t) == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A drug named with the monographs of its other names: a spelling ("amoxycillin") or a name ("thyroxine")
     * that the synonyms give for it and that titles a monograph of its own.
     */
    private DrugNames.Mention withOtherNames(DrugNames.Mention m, IndexFacts names) {
        List<DrugNames.Drug> own = new ArrayList<>(m.own());
        for (List<String> alternative : synonyms.alternativesOf(m.words())) {
            DrugNames.Mention other = names.named(alternative);
            if (other != null) {
                other.own().stream().filter(d -> !own.contains(d)).forEach(own::add);
            }
        }
        return own.size() == m.own().size() ? m : new DrugNames.Mention(List.copyOf(own), m.words(), m.start(), m.end(), m.exact());
    }

    /**
     * The drug a synonym entry stands for: the monographs of every alternative that is a drug's name ("septra":
     * co-trimoxazole, cotrimoxazole, sulfamethoxazole + trimethoprim), named as the first of them; else the
     * first alternative naming an ingredient of combinations.
     */
    private DrugNames.Mention brand(List<String> entry, IndexFacts names, int start) {
        DrugNames.Mention any = null;
        List<String> words = null;
        List<DrugNames.Drug> own = new ArrayList<>();
        for (List<String> alternative : synonyms.alternativesOf(entry)) {
            DrugNames.Mention m = names.named(alternative);
            if (m != null && !m.own().isEmpty()) {
                words = words == null ? m.words() : words;
                m.own().stream().filter(d -> !own.contains(d)).forEach(own::add);
            }
            if (m != null && any == null) {
                any = new DrugNames.Mention(m.own(), m.words(), start, start + entry.size(), true);
            }
        }
        return words != null ? new DrugNames.Mention(List.copyOf(own), words, start, start + entry.size(), true) : any;
    }

    /**
     * The words to find: plain-word parts whose words name no drug or section, kept whole where possible; a run
     * of words that is a multi-word synonym entry ("low blood pressure") is one unit; fillers are dropped.
     */
    private List<Understanding.Unit> contentUnits(List<String> words, List<UserQuery.Part> owner, boolean[] taken,
                                                  UserQuery.Part lastPart, IndexFacts facts,
                                                  Map<String, String> corrections) throws IOException {
        List<Understanding.Unit> units = new ArrayList<>();
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int phrase = synonyms.phraseAt(words, i, taken);
            if (phrase > 0) {
                String text = String.join(" ", words.subList(i, i + phrase));
                boolean last = owner.get(i + phrase - 1) == lastPart && i + phrase == words.size();
                units.add(unit(text, last, before(found), facts, corrections));
                found.addAll(words.subList(i, i + phrase));
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
            if (!anyTaken && !(end - i == 1 && FILLERS.contains(words.get(i)))) {
                // Kept whole, so a hyphenated or dotted word ("co-trimoxazole") is analysed as typed.
                units.add(unit(part.text(), part == lastPart, before(found), facts, corrections));
                found.addAll(words.subList(i, end));
            } else {
                for (int k = i; k < end; k++) {
                    if (!taken[k] && !FILLERS.contains(words.get(k))) {
                        units.add(unit(words.get(k), part == lastPart && k == end - 1, before(found), facts, corrections));
                        found.add(words.get(k));
                    }
                }
            }
            i = end;
        }
        return units;
    }

    private static List<String> before(List<String> found) {
        return List.copyOf(found.subList(Math.max(0, found.size() - CONTEXT_WORDS), found.size()));
    }

    /** A unit, with its typo alternatives when it is one word indexed nowhere and no synonym entry. */
    private Understanding.Unit unit(String text, boolean last, List<String> before, IndexFacts facts,
                                    Map<String, String> corrections) throws IOException {
        List<String> completions = List.of();
        String prefix = Analysis.normalized(analyzer, text);
        if (last && Words.split(text).size() == 1 && prefix.length() >= MIN_PREFIX_LENGTH) {
            // Not into a filler: "blood th" is not being typed as "blood the", whose postings are the longest.
            completions = facts.completions(prefix, RankingPolicy.MAX_PREFIX_EXPANSIONS + FILLERS.size()).stream()
                    .filter(c -> !FILLERS.contains(c)).limit(RankingPolicy.MAX_PREFIX_EXPANSIONS).toList();
        }
        List<String> terms = Analysis.terms(analyzer, text);
        List<String> near = List.of();
        // A last word that starts indexed words is being typed, not misspelled.
        boolean beingTyped = !completions.isEmpty()
                && startsLongerWord(prefix, completions, facts);
        if (!beingTyped && terms.size() == 1 && terms.get(0).length() >= MIN_FUZZY_LENGTH && corrections.size() < MAX_FUZZY_WORDS
                && facts.docFreq(terms.get(0)) == 0 && !synonyms.hasEntry(String.join(" ", Words.split(text)))) {
            near = facts.typos(terms.get(0));
            if (!near.isEmpty()) {
                corrections.put(text, near.get(0));
            }
        }
        return new Understanding.Unit(text, last, near, last ? before : List.of(), completions);
    }

    private static boolean free(boolean[] taken, int start, int n) {
        for (int k = start; k < start + n; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }
}
