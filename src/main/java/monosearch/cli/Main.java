package monosearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import monosearch.index.CorpusException;
import monosearch.index.IndexDiskFullException;
import monosearch.index.IndexLockedException;
import monosearch.monograph.BadTableException;
import monosearch.search.BackendUnavailableException;
import monosearch.search.QueryTooComplexException;
import monosearch.solr.SolrFailure;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "monosearch", mixinStandardHelpOptions = true, version = "monosearch 0.1.0",
        description = "Full-text search over drug monographs.",
        subcommands = {ReindexCommand.class, ServeCommand.class, SearchCommand.class, EvalCommand.class, HeadingsCommand.class,
                AnalyticsCommand.class})
public final class Main {
    /** Where the commands write their results and their messages; the subcommands reach them as their parent. */
    final PrintStream out;
    final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Libraries that log through java.util.logging (SnakeYAML) write to the one log too, in its format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(System.out, System.err, args));
    }

    /** Runs a command line, writing to the given streams (the log goes where it is configured to), and returns its exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return new CommandLine(new Main(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(Main::report)
                .execute(args);
    }

    /** Known failures as one clear line, no stack trace. */
    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof IndexLockedException) {
            cmd.getErr().println("monosearch: " + e.getMessage());
            return 2;
        }
        if (e instanceof BackendUnavailableException || e instanceof SolrFailure) {
            cmd.getErr().println("monosearch: " + e.getMessage());
            return 1;
        }
        if (e instanceof CorpusException || e instanceof IllegalArgumentException || e instanceof QueryTooComplexException
                || e instanceof BadTableException || e instanceof IndexDiskFullException) {
            cmd.getErr().println("monosearch: " + e.getMessage());
            return 1;
        }
        if (e instanceof NoSuchFileException) {
            cmd.getErr().println("monosearch: no such file or folder: " + e.getMessage());
            return 1;
        }
        if (e instanceof IOException) {
            cmd.getErr().println("monosearch: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        cmd.getErr().println("monosearch: unexpected error: " + e);
        if (System.getenv("MONOSEARCH_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
