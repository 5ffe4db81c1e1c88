package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;

/** Plain "key: words" front matter is read without SnakeYAML, and exactly as SnakeYAML reads it. */
class FrontMatterTest {
    private static void assertSameAsYamlParser(String yaml) {
        FrontMatter expected = FrontMatter.parseWithYamlParser(yaml, "body");
        FrontMatter actual = FrontMatter.parseYaml(yaml, "body");
        assertEquals(expected, actual, yaml);
    }

    @Test
    void plainLinesAreReadWithoutTheParser() {
        assertEquals("Abiraterone Besylate", FrontMatter.PlainLines.read("layout: minimal-medicine\ntitle: Abiraterone Besylate\n").title());
        assertNull(FrontMatter.PlainLines.read("layout: x\ntitle:\n").title());
        assertNull(FrontMatter.PlainLines.read("").title());
        assertNotNull(FrontMatter.PlainLines.read("\n\ntitle: Zolpidem Extended-Release (oral), 5 mg/mL\n"));
    }

    @Test
    void anythingElseIsLeftToTheParser() {
        for (String yaml : List.of("title: \"Quoted\"\n", "title: 'Quoted'\n", "title: Yes\n", "title: null\n", "title: NO\n",
                "title: 12\n", "title: 2024-01-01\n", "title: a # comment\n", "title: a: b\n", "title:a\n", " title: a\n",
                "title: [a, b]\n", "title: &x a\n", "title: *x\n", "title: |\n  a\n", "title: a\ntitle: b\n", "- a\n",
                "title: -a\n", "title: a\n  continued\n", "title\t: a\n", "title: a\tb\n", "title: &amp;\n", "a b: c\n")) {
            assertNull(FrontMatter.PlainLines.read(yaml), yaml);
            assertSameAsYamlParser(yaml);
        }
    }

    @Test
    void sameAsTheParserOnGeneratedFrontMatter() {
        String[] keys = {"title", "layout", "Title", "title_x", "tags", "_k", "a-b", "x1", "on", "null"};
        String[] values = {"", " ", "Aspirin", "Co-trimoxazole 80/400 mg", "St. John's wort (Hypericum), oral",
            "yes", "No", "TRUE", "off", "Null", "y", "n", "a+b", "Ibuprofène", "Ω", "x  y", "x ", "-x", "x -", "x - y",
            "a,b", "a.b.", "(a)", "/a", "'a'", "a'", "1a", "e5", "x: y", "x #y", "x#y", "\"a\"", "~", "<<", "=", "a|b",
            "a>b", "a%b", "a@b", "a`b", "a!b", "a*b", "a&b", "a[b]", "a{b}", "a?b", "?a"};
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            StringBuilder yaml = new StringBuilder();
            int lines = random.nextInt(4);
            int firstKey = random.nextInt(keys.length);
            for (int k = 0; k < lines; k++) {
                if (random.nextInt(8) == 0) {
                    yaml.append('\n');
                }
                String value = values[random.nextInt(values.length)];
                // Distinct keys: SnakeYAML logs a warning for each repeated one (tested above).
                yaml.append(keys[(firstKey + k) % keys.length]).append(':')
                        .append(value.isEmpty() ? "" : " " + value).append('\n');
            }
            assertSameAsYamlParser(yaml.toString());
        }
    }

    @Test
    void sameAsTheParserOnTheBundledCorpus() throws IOException {
        sameOver(TestIndex.bundledCorpus());
    }

    @Test
    void sameAsTheParserOnTheFdaLabels() throws IOException {
        Path dir = TestIndex.shared().resolve("corpus-fda");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir),
                "skipped: " + dir + " is absent (../shared is not beside this clone)");
        sameOver(dir);
    }

    private static void sameOver(Path corpus) throws IOException {
        int plain = 0;
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md"))::iterator) {
                String text = SourceText.decode(Files.readAllBytes(f)).text();
                if (!text.startsWith("---\n")) {
                    continue;
                }
                int end = text.indexOf("\n---", 3);
                if (end < 0) {
                    continue;
                }
                String yaml = text.substring(4, end + 1);
                assertSameAsYamlParser(yaml);
                if (FrontMatter.PlainLines.read(yaml) != null) {
                    plain++;
                }
            }
        }
        assertEquals(true, plain > 0, "files whose front matter is plain lines: " + plain);
    }

    @Test
    void aTitleStillComesOutOfSplit() {
        assertEquals(Optional.of("Aspirin"), FrontMatter.split("---\nlayout: x\ntitle: Aspirin\n---\n# A\n").title());
    }
}
