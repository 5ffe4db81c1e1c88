package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import monosearch.monograph.MonographParser;
import monosearch.monograph.ParsedMonograph;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distinct queries a --corpus run loads the server with, generated from 200 synthetic monographs. */
class CorpusQueriesTest {
    private static List<CorpusQueries.Source> corpus;

    @BeforeAll
    static void parseASyntheticCorpus(@TempDir Path tmp) throws IOException {
        SyntheticCorpus synthetic = new SyntheticCorpus(Vocabulary.bundled(), 3);
        synthetic.write(tmp, 200);
        MonographParser parser = new MonographParser(SectionNames.bundled());
        corpus = new ArrayList<>();
        for (CorpusEntry e : synthetic.entries(200)) {
            ParsedMonograph parsed = parser.parse(e.slug(), e.relativePath(),
                    SourceText.decode(Files.readAllBytes(tmp.resolve(e.relativePath()))));
            List<CorpusQueries.Part> parts = new ArrayList<>();
            for (Section s : parsed.monograph().sections()) {
                parts.add(new CorpusQueries.Part(s.name(), s.text()));
            }
            corpus.add(new CorpusQueries.Source(parsed.monograph().drug(), parts));
        }
    }

    @Test
    void noQueryRepeatsInEitherListOrAcrossThem() {
        CorpusQueries.Generated g = CorpusQueries.generate(corpus, 42, 2000, 1500);
        assertEquals(2000, g.measured().size());
        assertEquals(1500, g.warmup().size());
        Set<String> keys = new HashSet<>();
        for (BenchQuery q : g.measured()) {
            assertTrue(keys.add(CorpusQueries.key(q.text())), "repeated: " + q);
        }
        for (BenchQuery q : g.warmup()) {
            assertTrue(keys.add(CorpusQueries.key(q.text())), "warm-up repeats a measured query: " + q);
        }
    }

    @Test
    void theSameCorpusAndSeedGiveTheSameQueriesAndAnotherSeedOthers() {
        CorpusQueries.Generated a = CorpusQueries.generate(corpus, 42, 1000, 500);
        assertEquals(a, CorpusQueries.generate(corpus, 42, 1000, 500));
        assertNotEquals(a.measured(), CorpusQueries.generate(corpus, 43, 1000, 500).measured());
    }

    @Test
    void bothListsMixEveryKindInRoughlyTheSameShares() {
        CorpusQueries.Generated g = CorpusQueries.generate(corpus, 42, 2000, 2000);
        var measured = CorpusQueries.countByKind(g.measured());
        var warmup = CorpusQueries.countByKind(g.warmup());
        assertEquals(CorpusQueries.KINDS, List.copyOf(measured.keySet()));
        for (String kind : CorpusQueries.KINDS) {
            int m = measured.get(kind);
            int w = warmup.getOrDefault(kind, 0);
            assertTrue(m >= 80 && Math.abs(m - w) <= Math.max(30, m / 5), kind + ": " + m + " measured, " + w + " warm-up");
        }
        // Any stretch of the list is a mix: the first 100 already hold every kind.
        assertEquals(CorpusQueries.KINDS.size(), CorpusQueries.countByKind(g.measured().subList(0, 100)).size());
    }

    @Test
    void queriesAreMadeOfTheCorpusDrugNamesAndTheWordsOfItsSections() {
        Set<String> drugs = new HashSet<>();
        Set<String> words = new HashSet<>();
        for (CorpusQueries.Source s : corpus) {
            String drug = CorpusQueries.key(s.drug());
            drugs.add(drug);
            drugs.add(drug.split(" ")[0]);
            s.parts().forEach(p -> words.addAll(List.of(CorpusQueries.key(p.section() + " " + p.text()).split(" "))));
        }
        CorpusQueries.Generated g = CorpusQueries.generate(corpus, 42, 1500, 0);
        for (BenchQuery q : g.measured()) {
            String key = CorpusQueries.key(q.text());
            switch (q.kind()) {
                case "drug" -> assertTrue(drugs.contains(key), q.toString());
                case "words", "section+words" -> assertTrue(words.containsAll(List.of(key.split(" "))), q.toString());
                case "drug+section" -> assertTrue(drugs.stream().anyMatch(d -> key.startsWith(d + " ")), q.toString());
                case "misspelling" -> assertTrue(!drugs.contains(key) && !words.contains(key), "a real word: " + q);
                case "prefix" -> assertTrue(key.length() >= 3, q.toString());
                default -> assertTrue(drugs.stream().anyMatch(key::contains), q.toString());
            }
        }
    }

    @Test
    void aCorpusTooSmallToVaryGivesFewerQueriesRatherThanRepeats() {
        List<CorpusQueries.Source> tiny = corpus.subList(0, 2);
        CorpusQueries.Generated g = CorpusQueries.generate(tiny, 42, 5000, 5000);
        assertTrue(g.measured().size() < 5000, "only " + g.measured().size());
        Set<String> keys = new HashSet<>();
        g.measured().forEach(q -> assertTrue(keys.add(CorpusQueries.key(q.text())), q.toString()));
        g.warmup().forEach(q -> assertTrue(keys.add(CorpusQueries.key(q.text())), q.toString()));
    }
}
