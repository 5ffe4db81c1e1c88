package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonographParserTest {
    private final MonographParser parser = new MonographParser(SectionNames.bundled());

    private ParsedMonograph parse(String markdown) {
        return parser.parse("demo", "d/demo.md", SourceText.decode(markdown.getBytes(StandardCharsets.UTF_8)));
    }

    private static Section section(Monograph m, String heading) {
        return m.sections().stream().filter(s -> s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + m.sections()));
    }

    @Test
    void everyHeadingBelowTheTitleStartsASectionInDocumentOrder() {
        Monograph m = parse("""
                ---
                title: Demo
                ---
                # Demo
                ### Usage
                Treats things.
                ### Side Effects
                Headache.
                """).monograph();
        assertEquals("Demo", m.drug());
        assertEquals(List.of("Usage", "Side Effects"), m.sections().stream().map(Section::heading).toList());
        assertEquals(List.of(0, 1), m.sections().stream().map(Section::position).toList());
        assertEquals("Treats things.", m.sections().get(0).text());
        assertEquals(1, m.sections().get(0).level());
    }

    @Test
    void theShallowestHeadingLevelUsedIsTheTopLevelAndDeeperOnesNestUnderIt() {
        Monograph m = parse("""
                # Label
                ### Warnings and Precautions
                Summary.
                #### 5.5 Capillary Leak Syndrome
                Fluid leaks.
                ### Adverse Reactions
                Many.
                """).monograph();
        Section leak = section(m, "5.5 Capillary Leak Syndrome");
        assertEquals(List.of("Warnings and Precautions", "5.5 Capillary Leak Syndrome"), leak.path());
        assertEquals("Warnings and Precautions", leak.name());
        assertEquals(2, leak.level());
        assertEquals(1, section(m, "Adverse Reactions").level());
    }

    @Test
    void textBeforeTheFirstHeadingIsAnOverviewSection() {
        Monograph m = parse("# Demo\nAn introduction.\n\n### Usage\nUse it.\n").monograph();
        assertEquals("Overview", m.sections().get(0).name());
        assertEquals("An introduction.", m.sections().get(0).text());
    }

    @Test
    void aFileWithNoHeadingsAtAllIsOneOverviewSection() {
        Monograph m = parse("---\ntitle: Xylo\n---\nI cannot provide information about this product.\n\nAsk a pharmacist.\n").monograph();
        assertEquals(1, m.sections().size());
        Section only = m.sections().get(0);
        assertEquals("Overview", only.name());
        assertEquals("I cannot provide information about this product.\n\nAsk a pharmacist.", only.text());
    }

    @ParameterizedTest(name = "heading \"{0}\" is section \"{1}\" with heading \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "Side Effects:|Side Effects|Side Effects",
            "**Usage:**|Usage|Usage",
            "Side effects|Side Effects|Side effects",
            "Adverse Effects|Side Effects|Adverse Effects",
            "Mechanism of Action|How it Works|Mechanism of Action",
            "Frequently Asked Questions:|FAQs|Frequently Asked Questions",
            "Something Else|Something Else|Something Else"})
    void headingsAreCleanedAndMappedToCanonicalSections(String heading, String section, String cleaned) {
        Monograph m = parse("# Demo\n### " + heading + "\nText.\n").monograph();
        assertEquals(section, m.sections().get(0).name());
        assertEquals(cleaned, m.sections().get(0).heading());
    }

    @Test
    void aLabelValueHeadingGivesTheLabelAsSectionAndKeepsTheValueAsText() {
        Monograph m = parse("# Demo\n### Generic Name: Caffeine + Cetirizine\n\n### Usage\nAllergy.\n").monograph();
        Section generic = m.sections().get(0);
        assertEquals("Generic Name", generic.name());
        assertEquals("Generic Name", generic.heading());
        assertEquals("Caffeine + Cetirizine", generic.text());
        assertEquals("generic-name-caffeine--cetirizine", generic.anchor());
    }

    @Test
    void aBoldLabelParagraphNamingAKnownSectionStartsASubSection() {
        Monograph m = parse("""
                # Amlo + Beni
                ### Benidipine
                A calcium channel blocker.

                **Usage:** Treats hypertension.

                More on usage.

                **Side Effects:** Flushing, oedema.
                ### Amlodipine
                **Usage**: Angina.
                """).monograph();
        assertEquals(List.of("Benidipine", "Benidipine > Usage", "Benidipine > Side Effects", "Amlodipine", "Amlodipine > Usage"),
                m.sections().stream().map(s -> String.join(" > ", s.path())).toList());
        Section usage = m.sections().get(1);
        assertEquals("Usage", usage.name());
        assertEquals("Treats hypertension.\n\nMore on usage.", usage.text());
        assertEquals("benidipine", usage.anchor(), "a bold label has no id of its own: it links to its heading");
        assertEquals(2, usage.level());
        assertEquals("Side Effects", m.sections().get(2).name());
        assertEquals("Angina.", m.sections().get(4).text());
    }

    @Test
    void labelledListItemsUnderAnIngredientHeadingStartSubSectionsButNotUnderAKnownSection() {
        Monograph m = parse("""
                # Combo
                ### Caffeine
                *   **Usage:** Keeps you awake.
                *   **Side Effects:** Jitters.
                *   Also taken in coffee.
                ### Precautions
                *   **Drug Interactions:** Many.
                """).monograph();
        assertEquals(List.of("Caffeine", "Caffeine > Usage", "Caffeine > Side Effects", "Precautions"),
                m.sections().stream().map(s -> String.join(" > ", s.path())).toList());
        assertEquals("Jitters.\n\nAlso taken in coffee.", m.sections().get(2).text());
        assertEquals("Drug Interactions: Many.", m.sections().get(3).text());
    }

    @Test
    void aBoldLabelThatIsNoKnownSectionStaysText() {
        Monograph m = parse("# D\n### Dosage\n**For adults with ALL:** 52 mg daily.\n").monograph();
        assertEquals(1, m.sections().size());
        assertEquals("For adults with ALL: 52 mg daily.", m.sections().get(0).text());
    }

    @Test
    void markdownIsReducedToCleanTextWithListItemsAndParagraphsKeptApart() {
        Monograph m = parse("""
                # D
                ### Precautions
                See the [label](https://example.org/label) and <b>ask</b> a *doctor* `now`.

                *   **Hypersensitivity:** do not use.
                *   Kidney & liver disease
                    - nested item

                > quoted advice
                """).monograph();
        assertEquals("See the label and ask a doctor now.\n\nHypersensitivity: do not use.\nKidney & liver disease\nnested item\n\nquoted advice",
                m.sections().get(0).text());
    }

    @Test
    void htmlEntitiesAndCurlyQuotesComeOutAsCharacters() {
        Monograph m = parse("# D\n### Usage\nTom&#39;s &amp; Jerry&rsquo;s &lt;5 mg&gt;&nbsp;daily “quoted”.\n").monograph();
        assertEquals("Tom's & Jerry’s <5 mg> daily “quoted”.", m.sections().get(0).text());
    }

    @Test
    void scriptAndStyleBlocksAreDroppedAndOtherTagsStripped() {
        Monograph m = parse("# D\n### Usage\n<script>alert(1)</script>\n\n<div onclick=\"x()\">Kept <img src=x onerror=alert(1)> text</div>\n").monograph();
        String text = m.sections().get(0).text();
        assertFalse(text.contains("alert"), "neither the script nor an attribute survives: " + text);
        assertEquals("Kept text", text.replaceAll("\\s+", " "), "the text around the stripped tag is kept, in order");
    }

    @ParameterizedTest(name = "drug name from {0}")
    @CsvSource(delimiter = '|', value = {
            "'---\ntitle: Front Title\n---\n# Heading Title\n### Usage\nx'|Front Title",
            "'# Heading Title\n### Usage\nx'|Heading Title",
            "'### Usage\nx'|Demo"})
    void theDrugNameComesFromTheTitleElseTheH1ElseTheFileName(String markdown, String drug) {
        assertEquals(drug, parse(markdown.replace("\\n", "\n")).monograph().drug());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "'---\ntitle: [unclosed\n---\n# H1 Name\n### Usage\nx'|front matter is not valid YAML|H1 Name",
            "'---\ntitle: No End\n# H1 Name\n### Usage\nx'|front matter is not closed|No End",
            "'---\nlayout: x\n# H1 Name\n### Usage\nx'|front matter is not closed|H1 Name",
            "'---\n- a\n- b\n---\n# H1 Name\n### Usage\nx'|front matter is not a YAML mapping|H1 Name"})
    void brokenFrontMatterIsAWarningAndTheNameFallsBackToWhatCanBeRead(String markdown, String warning, String drug) {
        ParsedMonograph parsed = parse(markdown.replace("\\n", "\n"));
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.startsWith(warning)), parsed.warnings().toString());
        assertEquals(drug, parsed.monograph().drug());
        assertFalse(parsed.monograph().sections().stream().anyMatch(s -> s.text().contains("layout")));
        assertTrue(parsed.monograph().sections().stream().anyMatch(s -> s.name().equals("Usage")));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchorsLikeThePublishedSite() {
        Monograph m = parse("# D\n### Usage\na\n### Usage\nb\n### Usage:\nc\n").monograph();
        assertEquals(List.of("usage", "usage-1", "usage-2"), m.sections().stream().map(Section::anchor).toList());
    }

    @Test
    void thousandsOfNestedQuotesOrEmphasesAreReadFlatInsteadOfOverflowingTheStack() {
        Monograph quotes = parse("# D\n### Usage\n" + ">".repeat(20_000) + " deep text\n").monograph();
        assertTrue(quotes.sections().get(0).text().contains("deep text"));
        Monograph emphasis = parse("# D\n### Usage\n" + "*a **b ".repeat(20_000) + "end\n").monograph();
        assertTrue(emphasis.sections().get(0).text().endsWith("end"), "text kept to the end");
    }

    @Test
    void aFileWithOnlyFrontMatterIsUnusable() {
        UnusableFileException e = assertThrows(UnusableFileException.class, () -> parse("---\ntitle: Empty\n---\n"));
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
    }
}
