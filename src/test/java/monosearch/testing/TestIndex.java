package monosearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import monosearch.index.Folders;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;

/** A corpus folder and an index folder under a test's temporary directory, with helpers to fill and build them. */
public final class TestIndex {
    public static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final Path corpus;
    private final Path index;

    public TestIndex(Path tempDir) {
        this.corpus = tempDir.resolve("corpus");
        this.index = tempDir.resolve("index");
        try {
            Files.createDirectories(corpus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path corpus() {
        return corpus;
    }

    public Path index() {
        return index;
    }

    /** The project's bundled sample corpus (corpus/ at the project root). */
    public static Path bundledCorpus() {
        String dir = System.getProperty("monosearch.projectDir", ".");
        return Path.of(dir).resolve("corpus").toAbsolutePath().normalize();
    }

    /** ../shared/ beside the project, where CI and the developers' machines keep shared test data. */
    public static Path shared() {
        String dir = System.getProperty("monosearch.projectDir", ".");
        return Path.of(dir).toAbsolutePath().normalize().getParent().resolve("shared");
    }

    public TestIndex withBundledCorpus() {
        try {
            Folders.copyTree(bundledCorpus(), corpus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestIndex write(String relativePath, String markdown) {
        return writeBytes(relativePath, markdown.getBytes(StandardCharsets.UTF_8));
    }

    public TestIndex writeBytes(String relativePath, byte[] content) {
        try {
            Path file = corpus.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ReindexSummary reindex() throws IOException {
        return reindex(false);
    }

    public ReindexSummary reindex(boolean full) throws IOException {
        return reindex(full, Reindexer.Progress.NONE);
    }

    public ReindexSummary reindex(boolean full, Reindexer.Progress progress) throws IOException {
        return new Reindexer(new MonographParser(SectionNames.bundled()), progress)
                .run(new Reindexer.Options(corpus, index, full, MAX_FILE_BYTES, 2));
    }

    /** A short monograph in the seed's format, with the given sections ("Usage", "text", ...). */
    public static String monograph(String title, String... headingsAndTexts) {
        StringBuilder md = new StringBuilder("---\nlayout: minimal-medicine\ntitle: ").append(title)
                .append("\n---\n\n# ").append(title).append('\n');
        for (int i = 0; i + 1 < headingsAndTexts.length; i += 2) {
            md.append("### ").append(headingsAndTexts[i]).append('\n').append(headingsAndTexts[i + 1]).append("\n\n");
        }
        return md.toString();
    }
}
