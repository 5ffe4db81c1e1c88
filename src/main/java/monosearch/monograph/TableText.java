package monosearch.monograph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of an editable table (sections, intents, synonyms, pins): from a file an operator edits, or bundled in
 * the jar. A bundled table missing is a broken build, whichever table it is; a file that cannot be read is a
 * {@link BadTableException} naming it.
 */
public final class TableText {
    private TableText() {
    }

    /** Reads a table's text, named (a file, or "the bundled x.txt") so its errors can say where they are. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text, String name) throws BadTableException;
    }

    /** A table bundled in the jar, which must parse: one that does not is a broken build. */
    public static <T> T parseBundled(String resource, Parser<T> parser) {
        try {
            return parser.parse(bundled(resource), "the bundled " + resource.substring(resource.lastIndexOf('/') + 1));
        } catch (BadTableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A table from a file an operator edits; what is wrong with it names the file and line. */
    public static <T> T parseFile(Path file, Parser<T> parser) throws BadTableException {
        return parser.parse(read(file), file.toString());
    }

    /** A resource of the jar, whole; missing or unreadable is a broken build. */
    public static byte[] bundledBytes(String resource) {
        try (InputStream in = TableText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: the build is broken");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the classpath", e);
        }
    }

    public static String bundled(String resource) {
        return new String(bundledBytes(resource), StandardCharsets.UTF_8);
    }

    public static String read(Path file) throws BadTableException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadTableException(file.toString(), 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadTableException(file.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
