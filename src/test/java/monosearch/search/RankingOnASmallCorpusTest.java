package monosearch.search;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking's general rules on a corpus written for them: brands standing for several monographs, a drug's
 * own monograph before combinations, a kind of drug, the indication that names a condition first.
 */
class RankingOnASmallCorpusTest {
    private static final String SYNONYMS = """
            zentrix => co trimoxazole, cotrimoxazole, sulfamethoxazole trimethoprim
            amoxicillin, amoxycillin
            tretinoin, retin a
            """;
    private static final String FILLER = " The tablets are taken by mouth with water, as the doctor says.".repeat(6);

    @TempDir
    static Path temp;
    static LiveIndex index;
    static SearchService search;

    @BeforeAll
    static void open() throws Exception {
        TestIndex t = new TestIndex(temp)
                .write("c/co-trimoxazole.md", monograph("Co-trimoxazole",
                        "Usage", "Co-trimoxazole treats urinary infections." + FILLER,
                        "Precautions", "Co-trimoxazole co-trimoxazole co-trimoxazole: take care with kidney disease."))
                .write("c/cotrimoxazole.md", monograph("Cotrimoxazole",
                        "Usage", "Cotrimoxazole treats chest infections." + FILLER,
                        "Precautions", "Take care with kidney disease."))
                .write("s/sulfamethoxazole-trimethoprim.md", monograph("Sulfamethoxazole + Trimethoprim",
                        "Usage", "This combination treats ear infections." + FILLER,
                        "Precautions", "Take care with kidney disease."))
                .write("a/amoxicillin.md", monograph("Amoxicillin",
                        "Usage", "Amoxicillin treats infections." + FILLER))
                .write("a/amoxycillin.md", monograph("Amoxycillin",
                        "Usage", "Amoxycillin treats infections." + FILLER))
                .write("p/paracetamol.md", monograph("Paracetamol",
                        "Usage", "It relieves pain and fever.",
                        "Dosage", "Adults take 500 mg to 1 g every 4 to 6 hours, never more than 4 g a day.",
                        "Precautions", "It can harm the liver in large doses.",
                        "FAQs", "Can I drink while taking it? Keep to a little alcohol."))
                .write("a/alcohol.md", monograph("Alcohol",
                        "Usage", "Alcohol cleans the skin before an injection."))
                .write("p/paracetamol-caffeine.md", monograph("Paracetamol + Caffeine",
                        "Usage", "Paracetamol with caffeine relieves headache.",
                        "Side Effects", "Side effects: the side effects of paracetamol, and caffeine keeps some awake."))
                .write("n/nitrazepam.md", monograph("Nitrazepam",
                        "How it Works", "Nitrazepam calms the brain." + FILLER + " It is a benzodiazepine."))
                .write("l/lorazepam.md", monograph("Lorazepam",
                        "How it Works", "Lorazepam calms anxiety." + FILLER + " It is a benzodiazepine."))
                .write("o/oxycodone.md", monograph("Oxycodone",
                        "Precautions", "Benzodiazepines: avoid benzodiazepines, as benzodiazepines add to the risk."))
                .write("m/methadone.md", monograph("Methadone",
                        "Precautions", "Benzodiazepines and benzodiazepine-like drugs: benzodiazepines add to the risk."))
                .write("r/rutin.md", monograph("Rutin",
                        "Usage", "Rutin is a plant flavonoid taken for fragile veins." + FILLER))
                .write("t/tretinoin.md", monograph("Tretinoin",
                        "Usage", "Tretinoin treats acne." + FILLER))
                .write("c/colchicine.md", monograph("Colchicine",
                        "Usage", "Colchicine treats gout flares." + FILLER.repeat(4)))
                .write("n/naproxen.md", monograph("Naproxen",
                        "Usage", "Naproxen relieves pain in arthritis, period pain, back pain, sprains, strains, tendinitis,"
                                + " bursitis, toothache, headache and fever in adults and in children over twelve who weigh"
                                + " enough. It is also used in gout: gout attacks, gout pain, gout."));
        t.reindex();
        index = LiveIndex.open(t.index(), 0);
        search = new SearchService(index, Synonyms.parse(SYNONYMS, "test synonyms"), SectionIntents.bundled(),
                new Links(null), SearchService.DEFAULT_BUDGET_MILLIS, ResultCache.off());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> top(String query, int n) throws IOException {
        return search.search(SearchRequest.of(query, 10)).hits().stream().limit(n)
                .map(h -> h.slug() + "/" + h.section()).toList();
    }

    @Test
    void aBrandStandingForSeveralMonographsOpensOnTheUsageOfEachOfThem() throws IOException {
        assertEquals(List.of("co-trimoxazole/Usage", "cotrimoxazole/Usage", "sulfamethoxazole-trimethoprim/Usage"),
                top("zentrix", 3).stream().sorted().toList());
    }

    @Test
    void aBrandOneTypoAwayIsTheBrandAndIsOfferedAsTheCorrectionUnlessTheOtherWordsAreWrittenNowhere() throws IOException {
        SearchResult r = search.search(SearchRequest.of("zentrax", 10));
        assertEquals("zentrix", r.suggestion());
        assertEquals(List.of("co-trimoxazole/Usage", "cotrimoxazole/Usage", "sulfamethoxazole-trimethoprim/Usage"),
                r.hits().stream().limit(3).map(h -> h.slug() + "/" + h.section()).sorted().toList());
        assertEquals(0, search.search(SearchRequest.of("zentrax rhapsody lyrics", 10)).total());
    }

    @Test
    void aBrandOfTwoWordsIsReadAsTheBrandNotAsATypoOfADrugNameOneEditFromItsFirstWord() throws IOException {
        SearchResult r = search.search(SearchRequest.of("retin a", 10));
        assertEquals("tretinoin/Usage", r.hits().get(0).slug() + "/" + r.hits().get(0).section());
        assertEquals(null, r.suggestion());
    }

    @Test
    void aDrugNamedAlsoFindsTheMonographOfItsOtherSpelling() throws IOException {
        assertEquals(List.of("amoxicillin/Usage", "amoxycillin/Usage"), top("amoxicillin", 2).stream().sorted().toList());
    }

    @Test
    void aQueryAboutOneDrugShowsItsOwnSectionsBeforeCombinationsContainingIt() throws IOException {
        List<String> hits = top("paracetamol side effects", 10);
        int lastOwn = 0;
        int firstCombination = hits.size();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).startsWith("paracetamol/")) {
                lastOwn = i;
            } else if (firstCombination == hits.size()) {
                firstCombination = i;
            }
        }
        assertTrue(lastOwn < firstCombination, hits.toString());
    }

    @Test
    void aKindOfDrugOpensOnWhatTheDrugsAreNotOnWarningsAboutThem() throws IOException {
        assertEquals(List.of("lorazepam/How it Works", "nitrazepam/How it Works"),
                top("benzodiazepine", 2).stream().sorted().toList());
    }

    @Test
    void aPurposeQueryPutsTheIndicationThatNamesTheConditionFirstBeforeOneThatMentionsItLater() throws IOException {
        assertEquals(List.of("colchicine/Usage", "naproxen/Usage"), top("medicine for gout", 2));
    }

    @Test
    void otherWaysOfAskingWhatTreatsSomethingAskForTheIndicationsToo() throws IOException {
        assertEquals(List.of("colchicine/Usage"), top("what helps with gout", 1));
        assertEquals(List.of("colchicine/Usage"), top("how to treat gout", 1));
    }

    @Test
    void aQuestionAboutTakingItWithFoodAsksHowToTakeItNotWhatItInteractsWith() throws IOException {
        assertEquals(List.of("paracetamol/Dosage"), top("should paracetamol be taken with food", 1));
    }

    @Test
    void besideADrugANameThatAlsoAsksForAKindOfSectionAsksForItAndIsNoSecondDrug() throws IOException {
        List<String> hits = top("paracetamol alcohol", 10);
        assertEquals("paracetamol/FAQs", hits.get(0));
        assertTrue(hits.stream().noneMatch(h -> h.startsWith("alcohol/")), hits.toString());
    }
}
