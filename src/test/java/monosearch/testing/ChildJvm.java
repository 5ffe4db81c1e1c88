package monosearch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * monosearch's command line in a child JVM with the test class path: for what only a separate process shows (a
 * kill, its environment, its working folder, its own stderr). The child never inherits MONOSEARCH_* variables from
 * whoever runs the tests; a test sets the ones it means.
 */
public final class ChildJvm {
    /** Only against a hang: a child that is slow but working never comes near it. */
    private static final long HANG_MINUTES = 3;

    private ChildJvm() {
    }

    public static ProcessBuilder main(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "monosearch.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("MONOSEARCH_"));
        return builder;
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The exit status of a child expected to end by itself. */
    public static int exitStatus(Process process) throws InterruptedException {
        if (!process.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not exit within " + HANG_MINUTES + " minutes");
        }
        return process.exitValue();
    }

    /** The lines of a child's output stream, read as they come on a thread of their own. */
    public static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean ended;

        public Lines(InputStream stream) {
            Thread reader = new Thread(() -> read(stream), "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream stream) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The child was killed or its stream closed: the end of its output, as far as a test is concerned.
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /**
         * The first line that matches; fails with everything read when the stream ends first. Other lines (a JVM
         * warning, a progress line) are passed over.
         */
        public synchronized String await(Predicate<String> matches, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (matches.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("no line " + what + " in the child's output"
                            + (ended ? "" : " after " + HANG_MINUTES + " minutes") + ":\n" + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        public String awaitStart(String prefix) throws InterruptedException {
            return await(line -> line.startsWith(prefix), "starting with '" + prefix + "'");
        }

        /** Every line read so far. */
        public synchronized List<String> all() {
            return List.copyOf(lines);
        }

        /** Waits for the end of the stream (the child has exited or closed it), then every line. */
        public synchronized List<String> allAtEnd() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the child's output did not end within " + HANG_MINUTES + " minutes");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return List.copyOf(lines);
        }
    }
}
