package monosearch.monograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CorpusScannerTest {
    @TempDir
    Path root;

    private void file(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void onlyMarkdownFilesAreMonographsAndReadmeAndHiddenFilesAreIgnored() throws IOException {
        file("a/aspirin.md", "# Aspirin");
        file("b/beta.markdown", "# Beta");
        file("README.md", "# About");
        file("c/readme.MD", "# About c");
        file(".hidden.md", "# Hidden");
        file(".git/x.md", "# Git");
        file("notes.txt", "not markdown");
        Corpus corpus = new CorpusScanner(1 << 20).scan(root);
        assertEquals(List.of("a/aspirin.md", "b/beta.markdown"), corpus.files().stream().map(CorpusFile::source).toList());
        assertEquals(List.of("aspirin", "beta"), corpus.files().stream().map(CorpusFile::slug).toList());
        assertTrue(corpus.problems().isEmpty(), corpus.problems().toString());
    }

    @Test
    void filesOverTheSizeCapAreReportedWithTheirSize() throws IOException {
        file("big.md", "x".repeat(2000));
        file("ok.md", "# Ok");
        Corpus corpus = new CorpusScanner(1000).scan(root);
        assertEquals(List.of("ok.md"), corpus.files().stream().map(CorpusFile::source).toList());
        assertEquals("big.md", corpus.problems().get(0).source());
        assertTrue(corpus.problems().get(0).reason().contains("2000 bytes"));
    }

    @Test
    void aSlugClashIsWarnedAndTheLaterFileSuffixed() throws IOException {
        file("a/warfarin.md", "# W1");
        file("b/warfarin.md", "# W2");
        Corpus corpus = new CorpusScanner(1 << 20).scan(root);
        assertEquals(List.of("warfarin", "warfarin-2"), corpus.files().stream().map(CorpusFile::slug).toList());
        assertTrue(corpus.problems().get(0).reason().contains("already used"));
    }

    @Test
    @Timeout(60) // not hanging is what is tested; a scan of one file takes milliseconds
    void aSymlinkLoopDoesNotHangTheScan() throws IOException {
        file("a/aspirin.md", "# Aspirin");
        Files.createSymbolicLink(root.resolve("a/loop"), root);
        Corpus corpus = new CorpusScanner(1 << 20).scan(root);
        assertEquals(List.of("a/aspirin.md"), corpus.files().stream().map(CorpusFile::source).toList());
        assertTrue(corpus.problems().stream().anyMatch(p -> p.reason().contains("loop")), corpus.problems().toString());
    }

    @Test
    void aMissingCorpusFolderIsAnError() {
        assertThrows(NoSuchFileException.class, () -> new CorpusScanner(1 << 20).scan(root.resolve("nope")));
    }
}
