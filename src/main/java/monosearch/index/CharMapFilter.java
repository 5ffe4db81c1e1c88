package monosearch.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces characters one for one through a table covering every char. For such a mapping it reads the same text
 * as Lucene's MappingCharFilter with no offset to correct, but without that filter's per-character matching
 * and buffering, which showed in reindex profiles.
 */
final class CharMapFilter extends CharFilter {
    private final char[] table;

    /** @param table the replacement of every char value, {@code Character.MAX_VALUE + 1} long */
    CharMapFilter(Reader input, char[] table) {
        super(input);
        this.table = table;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            buffer[i] = table[buffer[i]];
        }
        return read;
    }

    @Override
    public int read() throws IOException {
        int c = input.read();
        return c < 0 ? c : table[c];
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
