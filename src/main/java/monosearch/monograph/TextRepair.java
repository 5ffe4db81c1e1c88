package monosearch.monograph;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Undoes text that was UTF-8 decoded as Windows-1252 (or Latin-1) once too often: "mÂ²" back to "m²". */
public final class TextRepair {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** What a UTF-8 continuation byte (0x80-0xBF) looks like after a wrong Windows-1252 or Latin-1 decode. */
    private static final String CONTINUATION =
            "\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152"
                    + "\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153"
                    + "\\u017E\\u0178";
    /** A UTF-8 lead byte (0xC2-0xF4) shown as one Latin-1 letter, then as many continuation bytes as it announces. */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "[\\u00C2-\\u00DF][" + CONTINUATION + "]"
                    + "|[\\u00E0-\\u00EF][" + CONTINUATION + "]{2}"
                    + "|[\\u00F0-\\u00F4][" + CONTINUATION + "]{3}");

    private TextRepair() {
    }

    public static boolean looksDoubleDecoded(String text) {
        if (!hasLeadByteLetter(text)) {
            return false;
        }
        Matcher m = MOJIBAKE.matcher(text);
        while (m.find()) {
            if (redecode(m.group()) != null) {
                return true;
            }
        }
        return false;
    }

    public static String repairDoubleDecoding(String text) {
        if (!hasLeadByteLetter(text)) {
            return text;
        }
        Matcher m = MOJIBAKE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String fixed = redecode(m.group());
            if (fixed == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(fixed);
            last = m.end();
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Whether any character could start a {@link #MOJIBAKE} match (U+00C2 to U+00F4). Nearly every file has none,
     * and this loop is much cheaper than running the expression over the whole text to find that out.
     */
    private static boolean hasLeadByteLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00C2' && c <= '\u00F4') {
                return true;
            }
        }
        return false;
    }

    /** The characters as the bytes they came from, read as UTF-8; null when they are not exactly one character. */
    private static String redecode(String suspect) {
        byte[] bytes = new byte[suspect.length()];
        for (int i = 0; i < suspect.length(); i++) {
            char c = suspect.charAt(i);
            if (c <= 0xFF) {
                bytes[i] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(CP1252);
                if (b.length != 1 || b[0] == '?') {
                    return null;
                }
                bytes[i] = b[0];
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = strict.decode(ByteBuffer.wrap(bytes));
            String s = decoded.toString();
            return s.codePointCount(0, s.length()) == 1 ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
