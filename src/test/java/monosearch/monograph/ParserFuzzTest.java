package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;

/** Thousands of random and mutated monographs: the parser answers or refuses with a reason, never fails. */
class ParserFuzzTest {
    private static final long SEED = 20261125L;
    private static final String[] FRAGMENTS = {"# ", "### ", "#### ", "---\n", "...\n", "**", "*", "_", "`", "```", "~~~",
            "<script>", "</script>", "<img src=x onerror=alert(1)>", "<div>", "&amp;", "&#x0;", "&#99999999;", "&bogus;",
            "[link](", "](x)", "![img](y)", "> ", "- ", "1. ", "    ", "\t", "\r\n", "\r", "\n\n", ":", "**Usage:**",
            "### Side Effects:", "### Generic Name: A + B", "Â²", "â€™", "\u0000", "\uFEFF", "\uD800", "|a|b|", "===", "title: [",
            "\\", "<!--", "-->", "<![CDATA[", "\u202E", "💊"};

    private final MonographParser parser = new MonographParser(SectionNames.bundled());

    @Test
    void randomAndMutatedMarkdownIsParsedOrRefusedWithAReasonWithinABound() throws IOException {
        Random random = new Random(SEED);
        List<String> seeds = bundledTexts();
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = i % 3 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random)
                    .getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try {
                ParsedMonograph parsed = parser.parse("fuzz", "fuzz.md", SourceText.decode(bytes));
                assertTrue(!parsed.monograph().sections().isEmpty());
                for (Section s : parsed.monograph().sections()) {
                    assertTrue(s.text() != null && s.heading() != null && !s.path().isEmpty());
                }
            } catch (UnusableFileException expected) {
                assertTrue(!expected.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("case " + i + " (seed " + SEED + ") threw " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // A case takes about a millisecond: the bound catches work that grows without limit, not a slow machine.
            assertTrue(millis < 20_000, "case " + i + " took " + millis + " ms");
        }
    }

    @Test
    void theTextOfAWellFormedSectionSurvivesABrokenNeighbour() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 2000; i++) {
            // A NUL byte makes the whole file binary, which is refused as a whole: not a broken neighbour.
            String broken = junk(random, 1 + random.nextInt(12)).replace("\u0000", "?");
            String sentinel = "sentinelword" + i;
            boolean before = random.nextBoolean();
            String good = "### Usage\nTreats " + sentinel + " conditions.\n\n";
            String bad = "### Side Effects\n" + broken + "\n\n";
            String md = "---\ntitle: Fuzz\n---\n# Fuzz\n" + (before ? good + bad : bad + good);
            Monograph m = parser.parse("fuzz", "fuzz.md", SourceText.decode(md.getBytes(StandardCharsets.UTF_8))).monograph();
            boolean kept = m.sections().stream().anyMatch(s -> s.text().contains(sentinel) || s.heading().contains(sentinel));
            assertTrue(kept, "case " + i + " lost the good section's text: " + md.replace("\n", "\\n"));
        }
    }

    private static List<String> bundledTexts() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestIndex.bundledCorpus())) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".md"))::iterator) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(20);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + random.nextInt(200)));
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(300))));
                default -> s.insert(at, junk(random, 3));
            }
        }
        return s.toString();
    }

    private static String junk(Random random, int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                s.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            } else {
                for (int k = random.nextInt(20); k > 0; k--) {
                    s.append((char) (32 + random.nextInt(95)));
                }
            }
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(4000)];
        random.nextBytes(b);
        if (random.nextBoolean()) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    b[i] = '#';
                }
            }
        }
        return b;
    }
}
