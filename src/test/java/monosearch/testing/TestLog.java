package monosearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The log of the test JVM, read from where it is written. The pom points slf4j-simple at one file for the whole run
 * (system property {@value #PROPERTY}), so no test redirects System.err to see a log line: a test notes where the
 * file ends when it starts looking and reads what was logged after that. Lines are told apart by what the test put
 * in them (its own folder, a request id), so another test's server logging meanwhile does not mislead it.
 */
public final class TestLog {
    public static final String PROPERTY = "org.slf4j.simpleLogger.logFile";
    private final Path file;
    private final long start;

    /** Starts looking at the log from here on. */
    public TestLog() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.startsWith("System.")) {
            throw new IllegalStateException("the test log is read from a file: run the tests with -D" + PROPERTY
                    + "=FILE, as the pom's surefire configuration does");
        }
        this.file = Path.of(configured);
        this.start = size();
    }

    /** What was logged since this was made. */
    public String text() {
        try {
            byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            return new String(Arrays.copyOfRange(all, (int) Math.min(start, all.length), all.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
