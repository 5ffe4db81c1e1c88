package monosearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import monosearch.monograph.Section;
import monosearch.testing.RandomText;
import org.junit.jupiter.api.Test;

/** Schema.leads, a character loop, gives what its regular-expression version gave. */
class LeadsTest {
    private static final Pattern LEAD_END = Pattern.compile("[:(.;,]|\\s[-–—]\\s");

    /** The implementation before the character loop, kept as the reference. */
    private static String regexLeads(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String lead = LEAD_END.split(line, 2)[0].strip();
            int words = lead.isEmpty() ? 0 : lead.split("\\s+").length;
            if (words > 0 && words <= 8) {
                out.append(lead).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void aLeadIsTheShortPhraseBeforeTheFirstColonBracketOrDash() {
        assertEquals("Capillary leak syndrome\n", Schema.leads("Capillary leak syndrome (SIRS): fluid leaks"));
        assertEquals("Nausea\nHeadache\n", Schema.leads("Nausea - common\n\n  Headache – sometimes, mild"));
        assertEquals("", Schema.leads("one two three four five six seven eight nine ten, and more"));
        assertEquals("a-b\n", Schema.leads("a-b - c"));
    }

    @Test
    void sameAsTheRegularExpressionsOnTrickyLines() {
        String[] texts = {
            "", "\n", "\n\n\n", " ", ":", " : ", "a", "a\n", "\na", "a - b", "a -b", "a- b", "a\t–\tb", "a\u000B—\fb",
            "a \u00A0- b", "a\u2003-\u2003b", "\u2003a b\u2003", "a\u00A0b c", "\u001Fa\u001F", "one two three four five six seven eight",
            "one two three four five six seven eight nine", "1.5 mg", "(see below)", "x;y", "x,y", "  lead  :  rest",
            "a\r\nb", "a \r b", "𝐀 𝐁: c", "-", " - ", "a - ", "a -\n b", "Dose:\n- 5 mg\n- 10 mg",
        };
        for (String t : texts) {
            assertEquals(regexLeads(t), Schema.leads(t), t);
        }
    }

    @Test
    void sameAsTheRegularExpressionsOnRandomText() {
        String alphabet = "ab :(.;,-–—\t\n\r\u000B\f\u00A0\u2003x";
        for (String s : RandomText.strings(alphabet, 7, 50_000, 30)) {
            assertEquals(regexLeads(s), Schema.leads(s), s);
        }
    }

    @Test
    void sameAsTheRegularExpressionsOnTheBundledCorpus() throws IOException {
        sameOver(CorpusSections.bundled());
    }

    @Test
    void sameAsTheRegularExpressionsOnTheFdaLabels() throws IOException {
        sameOver(CorpusSections.fda());
    }

    private static void sameOver(List<CorpusSections.Parsed> corpus) {
        for (CorpusSections.Parsed p : corpus) {
            assertEquals(regexLeads(p.raw()), Schema.leads(p.raw()), p.file().source());
            for (Section s : p.monograph().sections()) {
                assertEquals(regexLeads(s.text()), Schema.leads(s.text()), p.file().source() + " " + s.heading());
            }
        }
    }
}
