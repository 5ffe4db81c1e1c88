package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import monosearch.monograph.MonographParser;
import monosearch.monograph.ParsedMonograph;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's pure logic: percentiles, the synthetic corpus and the FTS5 query translation. No timing here. */
class BenchLogicTest {

    @Test
    void heapInUseIsReadFromG1AndFromParallelGcOutput() {
        ServerProcess.Heap g1 = ServerProcess.heapOf("""
                123:
                 garbage-first heap   total 106496K, used 30241K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 1 young (1024K), 0 survivors (0K)
                 Metaspace       used 40000K, committed 40448K, reserved 1114112K
                """);
        assertEquals(30241 / 1024.0, g1.usedMb(), 1e-9);
        assertEquals(106496 / 1024.0, g1.committedMb(), 1e-9);
        ServerProcess.Heap parallel = ServerProcess.heapOf("""
                456:
                 PSYoungGen      total 84992K, used 1024K [0x00000000fab00000, 0x0000000100000000, 0x0000000100000000)
                  eden space 83968K, 0% used [0x00000000fab00000,0x00000000fab00000,0x00000000ffd00000)
                 ParOldGen       total 175104K, used 32329K [0x00000000f0000000, 0x00000000fab00000, 0x00000000fab00000)
                  object space 175104K, 18% used [0x00000000f0000000,0x00000000f1f92680,0x00000000fab00000)
                 Metaspace       used 40000K, committed 40448K, reserved 1114112K
                """);
        assertEquals((1024 + 32329) / 1024.0, parallel.usedMb(), 1e-9);
        assertEquals((84992 + 175104) / 1024.0, parallel.committedMb(), 1e-9);
        assertTrue(Double.isNaN(ServerProcess.heapOf("no heap here").usedMb()));
    }

    @Test
    void percentilesAreNearestRankValuesThatWereObserved() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[nanos.length - 1 - i] = (i + 1) * 1_000_000L; // 1..1000 ms, in reverse order
        }
        LatencyStats s = LatencyStats.ofNanos(nanos);
        assertEquals(1000, s.count());
        assertEquals(500.0, s.p50());
        assertEquals(990.0, s.p99());
        assertEquals(999.0, s.p999());
        assertEquals(1000.0, s.max());
        assertEquals(500.5, s.mean(), 1e-9);
        assertEquals(1_000_000L, nanos[nanos.length - 1], "the input is left as it was");

        LatencyStats one = LatencyStats.ofNanos(new long[] {7_000_000L});
        assertEquals(7.0, one.p50());
        assertEquals(7.0, one.p999());
        assertEquals(0, LatencyStats.ofNanos(new long[0]).count());
    }

    @Test
    void theSyntheticCorpusIsDeterministicAndParsesIntoTheKnownSections(@TempDir Path tmp) throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(Vocabulary.bundled(), 7);
        SyntheticCorpus.Written a = corpus.write(tmp.resolve("a"), 400);
        SyntheticCorpus.Written b = new SyntheticCorpus(Vocabulary.bundled(), 7).write(tmp.resolve("b"), 400);
        assertEquals(400, a.files());
        assertEquals(a.bytes(), b.bytes());
        List<Path> files = markdownFiles(a.root());
        assertEquals(400, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.root().resolve(a.root().relativize(f))), f.toString());
        }

        MonographParser parser = new MonographParser(SectionNames.bundled());
        Set<String> standard = Set.of("Generic Name", "Usage", "Dosage", "Side Effects", "How it Works", "Precautions",
                "FAQs", "Disclaimer");
        int standards = 0;
        int combinations = 0;
        int refusals = 0;
        for (CorpusEntry e : corpus.entries(400)) {
            byte[] bytes = Files.readAllBytes(a.root().resolve(e.relativePath()));
            ParsedMonograph parsed = parser.parse(e.slug(), e.relativePath(), SourceText.decode(bytes));
            List<String> names = parsed.monograph().sections().stream().map(Section::name).toList();
            String text = parsed.monograph().sections().stream().map(Section::text).reduce("", String::concat);
            assertTrue(!text.contains("Â") && !text.contains("&amp;") && !text.contains("**"), e.slug() + ": text is repaired");
            switch (e.kind()) {
                case STANDARD -> {
                    standards++;
                    assertEquals(standard, Set.copyOf(names), e.slug());
                    assertTrue(bytes.length >= 3_000 && bytes.length <= 9_500, e.slug() + " is " + bytes.length + " bytes");
                    assertEquals(e.title(), parsed.monograph().drug());
                }
                case COMBINATION -> {
                    combinations++;
                    assertEquals("Generic Name", names.get(0), e.slug());
                    assertTrue(names.size() <= 16, e.slug() + ": each ingredient's labels once, " + names);
                    assertTrue(names.containsAll(List.of("Usage", "Dosage", "Side Effects", "FAQs")), e.slug() + ": " + names);
                    assertTrue(parsed.monograph().sections().stream().anyMatch(s -> s.path().size() == 2
                            && s.path().get(0).equals(e.generic()) && s.name().equals("Usage")), "bold-label sub-sections");
                }
                case REFUSAL -> {
                    refusals++;
                    assertEquals(List.of("Overview"), names, e.slug());
                }
            }
        }
        assertTrue(standards > 300 && combinations > 0 && refusals > 0, standards + "/" + combinations + "/" + refusals);
        String all = concat(files);
        assertTrue(all.contains("### Usage:") && all.contains("mÂ²") && all.contains("’") && all.contains("&amp;")
                && all.contains("\r\n") && all.contains("### Adverse Effects"), "the format variations occur");
    }

    @Test
    void queriesBecomeFts5AndQueriesOfTheirWords() {
        assertEquals("\"capillary\" AND \"leak\"", Fts5Comparison.toFts5("capillary leak"));
        assertEquals("\"bone marrow suppression\"", Fts5Comparison.toFts5("\"bone marrow suppression\""));
        assertEquals("\"thrombocyt\"*", Fts5Comparison.toFts5("thrombocyt*"));
        assertEquals("\"how\" AND \"does\" AND \"co\" AND \"trimoxazole\" AND \"work\"",
                Fts5Comparison.toFts5("how does co-trimoxazole work"));
        assertNull(Fts5Comparison.toFts5("?! -- *"));
    }

    @Test
    void theServersOwnTimesAreReadFromWhatTheWrkScriptPrints() {
        LatencyStats took = WrkLoad.tookOf("Running 5s test\nMONOSEARCH_TOOK 1.5 0.25 3\nMONOSEARCH_TOOK 2\nMONOSEARCH requests=4\n");
        assertEquals(4, took.count());
        assertEquals(1.5, took.p50(), 1e-9);
        assertEquals(3.0, took.max(), 1e-9);
        assertEquals(0, WrkLoad.tookOf("MONOSEARCH_TOOK \n").count());
    }

    @Test
    void theDefaultQuerySetIsAFixedMixOfEveryKind() {
        List<BenchQuery> a = QuerySet.generate(Vocabulary.bundled(), 42, 40);
        assertEquals(a, QuerySet.generate(Vocabulary.bundled(), 42, 40));
        assertEquals(200, a.size());
        for (String kind : QuerySet.KINDS) {
            assertEquals(40, a.stream().filter(q -> q.kind().equals(kind)).count(), kind);
        }
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String concat(List<Path> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            all.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
