package monosearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar monosearch.jar reindex} in a fresh JVM each time, as a user runs it: the wall time of the whole
 * process, JVM start and JIT included.
 */
final class CliReindex {
    /**
     * One run.
     *
     * @param seconds launch to exit
     * @param output  what the command printed (its summary)
     */
    record Run(double seconds, String output) {
    }

    private final List<String> launch;

    /** {@code launch}: how to start the service's main class ({@code -jar .../monosearch.jar}). */
    CliReindex(List<String> launch) {
        this.launch = List.copyOf(launch);
    }

    /** The command line of a run, for the report. */
    List<String> command(Path corpus, Path index, boolean full) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary().toString()));
        command.addAll(launch);
        command.addAll(List.of("reindex", "--corpus", corpus.toString(), "--index", index.toString()));
        if (full) {
            command.add("--full");
        }
        return command;
    }

    Run run(Path corpus, Path index, boolean full) throws IOException {
        List<String> command = command(corpus, index, full);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("reindex did not finish: " + String.join(" ", command));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) {
                throw new IOException("reindex exited with " + p.exitValue() + ": " + String.join(" ", command) + "\n" + out);
            }
            return new Run(seconds, out.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
