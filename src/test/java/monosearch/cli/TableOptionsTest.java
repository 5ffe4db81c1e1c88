package monosearch.cli;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchService;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --sections, --intents and --synonyms: a table of one's own changes what they say; a broken one is refused clearly. */
class TableOptionsTest {
    @TempDir
    Path temp;
    TestIndex t;

    @BeforeEach
    void corpus() {
        t = new TestIndex(temp).write("a/alphadrine.md", monograph("Alphadrine",
                "Zorb Notes", "Take with water.",
                "Dosage", "Ten mg daily.",
                "Side Effects", "Hypotension on standing."));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aSectionsTableOfOnesOwnNamesTheSectionsOfTheNextReindex() throws Exception {
        Path sections = file("sections.txt", "# mine\nUsage: Zorb Notes, Zorb\nDosage: Dose\n");
        MainTest.Run r = MainTest.run("reindex", "--corpus", t.corpus().toString(), "--index", t.index().toString(),
                "--sections", sections.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Usage", sectionOf("water"));
        MainTest.Run bundled = MainTest.run("reindex", "--full", "--corpus", t.corpus().toString(), "--index", t.index().toString());
        assertEquals(0, bundled.status(), bundled.err());
        assertEquals("Zorb Notes", sectionOf("water"), "the bundled table does not know the heading");
    }

    @Test
    void anIntentsTableOfOnesOwnSteersTheSearchToItsSections() throws Exception {
        t.reindex();
        Path intents = file("intents.txt", "# mine\nzapdose, how much zap => Dosage\n");
        MainTest.Run mine = MainTest.run("search", "--index", t.index().toString(), "--intents", intents.toString(),
                "alphadrine", "zapdose");
        assertEquals(0, mine.status(), mine.err());
        assertTrue(mine.out().lines().skip(1).findFirst().orElse("").contains("Alphadrine → Dosage"), mine.out());
        MainTest.Run bundled = MainTest.run("search", "--index", t.index().toString(), "alphadrine", "zapdose");
        assertFalse(bundled.out().lines().skip(1).findFirst().orElse("").contains("→ Dosage"),
                "without the table the word asks for nothing: " + bundled.out());
    }

    @Test
    void aSynonymsTableOfOnesOwnIsUsedForQueries() throws Exception {
        t.reindex();
        Path synonyms = file("synonyms.txt", "# mine\nzorblat, hypotension\n");
        MainTest.Run mine = MainTest.run("search", "--index", t.index().toString(), "--synonyms", synonyms.toString(), "zorblat");
        assertEquals(0, mine.status(), mine.err());
        assertTrue(mine.out().contains("Alphadrine → Side Effects"), mine.out());
        MainTest.Run bundled = MainTest.run("search", "--index", t.index().toString(), "zorblat");
        assertTrue(bundled.out().startsWith("0 matching sections"), bundled.out());
    }

    static Stream<Arguments> brokenTables() {
        byte[] latin1 = "Usage: Zorb Notes, Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("reindex", "--sections", null, ": cannot be read (NoSuchFileException)"),
                Arguments.of("reindex", "--sections", latin1, ": not UTF-8 text"),
                Arguments.of("search", "--intents", "dose => Dosage\nzapdose -> Dosage\n".getBytes(StandardCharsets.UTF_8),
                        " line 2: expected 'words, words => Section, Section', not 'zapdose -> Dosage'"),
                Arguments.of("search", "--intents", "zapdose =>\n".getBytes(StandardCharsets.UTF_8), " line 1: expected"),
                Arguments.of("search", "--synonyms", "a => b => c\n".getBytes(StandardCharsets.UTF_8), " line 1: not a valid synonym rule"),
                Arguments.of("search", "--synonyms", null, ": cannot be read (NoSuchFileException)"));
    }

    @ParameterizedTest(name = "{0} {1} broken: {3}")
    @MethodSource("brokenTables")
    void aBrokenTableIsRefusedWithOneClearLineAndExitStatusOneAndTheIndexIsLeftAlone(String command, String option,
                                                                                   byte[] content, String message)
            throws Exception {
        t.reindex();
        List<String> before = files(t.index());
        Path table = temp.resolve("table.txt");
        if (content != null) {
            Files.write(table, content);
        }
        MainTest.Run r = command.equals("reindex")
                ? MainTest.run("reindex", "--full", "--corpus", t.corpus().toString(), "--index", t.index().toString(),
                        option, table.toString())
                : MainTest.run("search", "--index", t.index().toString(), option, table.toString(), "dose");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith("monosearch: ") && r.err().contains(message), r.err());
        assertTrue(r.err().contains(table.toString()), "names the file: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertEquals(before, files(t.index()), "the index is as it was");
    }

    private String sectionOf(String word) throws IOException {
        try (LiveIndex live = LiveIndex.open(t.index(), 0)) {
            SearchResult r = SearchService.withDefaults(live, new Links(null)).search(SearchRequest.of(word, 10));
            assertEquals(1, r.total(), word);
            return r.hits().get(0).section();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
