package monosearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import monosearch.monograph.Corpus;
import monosearch.monograph.Corpus.Problem;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.CorpusScanner;
import monosearch.monograph.MonographParser;
import monosearch.monograph.ParsedMonograph;
import monosearch.monograph.SourceText;
import monosearch.monograph.UnusableFileException;

/**
 * The steps of a reindex that do not depend on where the index is: scanning the corpus, telling which files may
 * have changed, and reading one file into its parsed monograph, a broken file becoming a problem to report.
 * The embedded {@link Reindexer} and the reindex into SolrCloud both go through here, so a file is judged
 * unchanged, skipped or parsed the same way whichever index it goes to.
 */
public final class MonographFiles {
    /** What the index knows of one source file. */
    public record State(String slug, String hash, long size, long modified) {
    }

    /** What reading one file gave: a problem, the same content as indexed, or a parsed monograph. */
    public sealed interface Read permits Skipped, SameContent, Parsed {
    }

    /** The file cannot be indexed; an indexed version of it, if any, is kept. */
    public record Skipped(Problem problem) implements Read {
    }

    /** Its content hashes as indexed: only its timestamp changed. */
    public record SameContent(String hash) implements Read {
    }

    /** Its monograph, and the facts of its file to keep with its sections. */
    public record Parsed(ParsedMonograph parsed, Schema.FileFacts file) implements Read {
    }

    private final MonographParser parser;

    public MonographFiles(MonographParser parser) {
        this.parser = parser;
    }

    public static Corpus scan(Path corpus, long maxFileBytes) throws IOException {
        try {
            return new CorpusScanner(maxFileBytes).scan(corpus);
        } catch (NoSuchFileException e) {
            throw new CorpusException("corpus folder " + corpus + " does not exist or is not a folder; "
                    + "the index was left as it was");
        }
    }

    /** The scan's problems that are only warnings: a slug made unique still indexes its file. */
    public static List<Problem> warnings(Corpus corpus) {
        return corpus.problems().stream().filter(p -> p.reason().startsWith("slug ")).toList();
    }

    /** The scan's problems that keep a file out of the index. */
    public static List<Problem> skipped(Corpus corpus) {
        return corpus.problems().stream().filter(p -> !p.reason().startsWith("slug ")).toList();
    }

    /** Same size, timestamp and slug as indexed: the file is not even read. */
    public static boolean looksUnchanged(CorpusFile f, State state) {
        return state != null && state.size() == f.size() && state.modified() == f.modified()
                && state.slug().equals(f.slug());
    }

    /** Reads and parses one file; the parser's warnings go to {@code warnings}. */
    public Read read(CorpusFile f, State state, List<Problem> warnings) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f.path());
        } catch (IOException e) {
            return skipped(f, "cannot be read (" + e.getClass().getSimpleName() + ")", state);
        }
        String hash = Sha256.hex(bytes);
        if (state != null && state.hash().equals(hash) && state.slug().equals(f.slug())) {
            return new SameContent(hash);
        }
        ParsedMonograph parsed;
        try {
            parsed = parser.parse(f.slug(), f.source(), SourceText.decode(bytes));
        } catch (UnusableFileException e) {
            return skipped(f, e.getMessage(), state);
        } catch (RuntimeException e) {
            return skipped(f, "could not be parsed (" + e + ")", state);
        } catch (StackOverflowError e) {
            return skipped(f, "nested too deeply to be read", state);
        }
        String unindexable = Schema.unindexable(parsed.monograph());
        if (unindexable != null) {
            return skipped(f, unindexable, state);
        }
        parsed.warnings().forEach(w -> warnings.add(new Problem(f.source(), w)));
        return new Parsed(parsed, new Schema.FileFacts(hash, bytes.length, f.modified()));
    }

    static Skipped skipped(CorpusFile f, String reason, State state) {
        return new Skipped(new Problem(f.source(), reason + (state == null ? "" : "; its previously indexed version is kept")));
    }
}
