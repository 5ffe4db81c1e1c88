package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "52 mg/mÂ²/day|52 mg/m²/day",
            "the patientâ€™s dose|the patient’s dose",
            "â€œquotedâ€\u009d|“quoted”",
            "fever â€“ chills|fever – chills",
            "plain text|plain text",
            "café au lait|café au lait"})
    void textDecodedTwiceIsRepaired(String broken, String repaired) {
        assertEquals(repaired, SourceText.decode(broken.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void onlyTextWithAPossibleLeadByteLetterIsLookedAt() {
        // U+00C2..U+00F4 can start a double-decoded character; the check skips texts without any.
        assertEquals(false, TextRepair.looksDoubleDecoded("plain ASCII, µg and ± and ÿ: \u00C1\u00B2 \u00F5\u00B2"));
        assertEquals(true, TextRepair.looksDoubleDecoded("m\u00C2\u00B2"));
        assertEquals("\uDBFF\uDFFF", TextRepair.repairDoubleDecoding("\u00F4\u008F\u00BF\u00BF"));
        assertEquals("\uD83D\uDE00", TextRepair.repairDoubleDecoding("\u00F0\u0178\u02DC\u20AC"));
        assertEquals("a\u00C1b", TextRepair.repairDoubleDecoding("a\u00C1b"));
    }

    @Test
    void aRepairIsReportedAsAWarning() {
        SourceText t = SourceText.decode("mÂ²".getBytes(StandardCharsets.UTF_8));
        assertTrue(t.warnings().get(0).contains("decoded twice"));
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndCrlfBecomesLf() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "# Title\r\n### Usage\r\nText\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertEquals("# Title\n### Usage\nText\n", SourceText.decode(all).text());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithAWarning() {
        byte[] cp1252 = "Café – 5 µg".getBytes(Charset.forName("windows-1252"));
        SourceText t = SourceText.decode(cp1252);
        assertEquals("Café – 5 µg", t.text());
        assertTrue(t.warnings().get(0).contains("Windows-1252"));
    }

    @Test
    void emptyBlankAndBinaryFilesAreUnusableWithAReason() {
        assertEquals("empty file", assertThrows(UnusableFileException.class, () -> SourceText.decode(new byte[0])).getMessage());
        assertTrue(assertThrows(UnusableFileException.class,
                () -> SourceText.decode(" \n\t\n".getBytes(StandardCharsets.UTF_8))).getMessage().contains("white space"));
        assertTrue(assertThrows(UnusableFileException.class,
                () -> SourceText.decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1})).getMessage().contains("binary"));
    }
}
