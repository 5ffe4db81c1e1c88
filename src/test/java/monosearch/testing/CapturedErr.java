package monosearch.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard error, where the log goes, captured while a test looks at what was logged. */
public final class CapturedErr implements AutoCloseable {
    private final PrintStream old = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public CapturedErr() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(old);
    }
}
