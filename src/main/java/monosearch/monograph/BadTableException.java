package monosearch.monograph;

import java.io.IOException;

/** An editable table that cannot be used, with the file and the line (0 for the whole file) that say why. */
public final class BadTableException extends IOException {
    private final String table;
    private final int line;

    public BadTableException(String table, int line, String problem) {
        super(table + (line > 0 ? " line " + line : "") + ": " + problem);
        this.table = table;
        this.line = line;
    }

    public String table() {
        return table;
    }

    public int line() {
        return line;
    }
}
