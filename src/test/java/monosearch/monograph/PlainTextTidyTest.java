package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import monosearch.testing.RandomText;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;

/** PlainText.tidy, a character loop, gives what its regular-expression version gave. */
class PlainTextTidyTest {
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");

    /** The implementation before the character loop, kept as the reference. */
    private static String regexTidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String t = SPACES.matcher(line).replaceAll(" ").strip();
            if (t.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t);
        }
        return out.toString();
    }

    @Test
    void squeezesRunsOfSpaceAndDropsBlankLines() {
        assertEquals("a b\nc", PlainText.tidy("  a \u00A0\t b  \n\n \u2003 \nc\u202F"));
        assertEquals("", PlainText.tidy(" \n\u00A0\n"));
    }

    @Test
    void sameAsTheRegularExpressionOnRandomText() {
        String alphabet = "ab \t\n\r\f\u000B\u00A0\u2007\u202F\u2003\u3000\u001F\u0085x";
        for (String s : RandomText.strings(alphabet, 3, 50_000, 24)) {
            assertEquals(regexTidy(s), PlainText.tidy(s), s);
        }
    }

    @Test
    void sameAsTheRegularExpressionOnTheCorpora() throws IOException {
        sameOver(TestIndex.bundledCorpus());
        Path fda = TestIndex.shared().resolve("corpus-fda");
        if (Files.isDirectory(fda)) {
            sameOver(fda);
        }
    }

    private static void sameOver(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".md"))::iterator) {
                String text = SourceText.decode(Files.readAllBytes(f)).text();
                assertEquals(regexTidy(text), PlainText.tidy(text), f.toString());
            }
        }
    }
}
