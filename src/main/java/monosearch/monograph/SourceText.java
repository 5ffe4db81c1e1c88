package monosearch.monograph;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a monograph file, decoded and repaired: UTF-8 (with or without BOM), else Windows-1252;
 * CRLF and CR line endings become LF; double-decoded characters are put back.
 *
 * @param text     the repaired text
 * @param warnings what was repaired or guessed, for the reindex report
 */
public record SourceText(String text, List<String> warnings) {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final int BINARY_PROBE = 8192;

    public SourceText {
        warnings = List.copyOf(warnings);
    }

    /** Decodes file content; throws {@link UnusableFileException} for content that is not a text monograph. */
    public static SourceText decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnusableFileException("empty file");
        }
        if (looksBinary(bytes)) {
            throw new UnusableFileException("binary content (NUL bytes), not a markdown text");
        }
        List<String> warnings = new ArrayList<>();
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            warnings.add("not valid UTF-8; read as Windows-1252");
            text = new String(bytes, offset, bytes.length - offset, CP1252);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (TextRepair.looksDoubleDecoded(text)) {
            warnings.add("text decoded twice (such as 'Â²' for '²'); repaired");
            text = TextRepair.repairDoubleDecoding(text);
        }
        if (text.isBlank()) {
            throw new UnusableFileException("no text (only white space)");
        }
        return new SourceText(text, warnings);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
