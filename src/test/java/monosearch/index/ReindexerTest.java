package monosearch.index;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import monosearch.testing.TestIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {
    @TempDir
    Path temp;
    TestIndex t;

    @BeforeEach
    void corpus() {
        t = new TestIndex(temp)
                .write("a/aspirin.md", monograph("Aspirin", "Usage", "Pain and fever.", "Side Effects", "Stomach bleeding."))
                .write("w/warfarin.md", monograph("Warfarin", "Usage", "Prevents clots.", "Precautions", "Monitor INR."));
    }

    /** source → "heading: body" of its live sections, as the index holds them. */
    private Map<String, Set<String>> indexed() throws IOException {
        try (Directory dir = FSDirectory.open(t.index()); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, Set<String>> out = new TreeMap<>();
            StoredFields stored = reader.storedFields();
            Bits live = MultiBits.getLiveDocs(reader);
            for (int i = 0; i < reader.maxDoc(); i++) {
                if (live != null && !live.get(i)) {
                    continue;
                }
                Document d = stored.document(i);
                out.computeIfAbsent(d.get(Schema.SOURCE), k -> new TreeSet<>()).add(d.get(Schema.HEADING) + ": " + d.get(Schema.BODY));
            }
            return out;
        }
    }

    private long liveSections() throws IOException {
        try (Directory dir = FSDirectory.open(t.index()); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    @Test
    void aFirstReindexAddsEveryFileAsSectionDocuments() throws IOException {
        ReindexSummary s = t.reindex();
        assertEquals(2, s.seen());
        assertEquals(2, s.added());
        assertEquals(4, s.sections());
        assertTrue(s.isFull(), "no index yet means a full build");
        assertEquals(4, liveSections());
        assertEquals(Set.of("Usage: Pain and fever.", "Side Effects: Stomach bleeding."), indexed().get("a/aspirin.md"));
    }

    @Test
    void anUnchangedCorpusIsLeftAloneAndNothingIsCommitted() throws IOException {
        t.reindex();
        long generation = generation();
        ReindexSummary s = t.reindex();
        assertEquals(2, s.unchanged());
        assertEquals(0, s.added() + s.updated() + s.removed());
        assertFalse(s.committed());
        assertEquals(generation, generation(), "no new commit");
    }

    @Test
    void aChangedFileIsReindexedAndOnlyIt() throws IOException {
        t.reindex();
        t.write("a/aspirin.md", monograph("Aspirin", "Usage", "Pain, fever and heart attack prevention."));
        touchLater("a/aspirin.md");
        ReindexSummary s = t.reindex();
        assertEquals(1, s.updated());
        assertEquals(1, s.unchanged());
        assertEquals(1, s.sections(), "only the changed file's sections are written");
        assertEquals(Set.of("Usage: Pain, fever and heart attack prevention."), indexed().get("a/aspirin.md"));
        assertEquals(3, liveSections());
    }

    @Test
    void aTouchedButIdenticalFileCountsAsUnchangedAndIsNotRewritten() throws IOException {
        t.reindex();
        touchLater("w/warfarin.md");
        ReindexSummary s = t.reindex();
        assertEquals(2, s.unchanged());
        assertEquals(0, s.sections());
        // The new time is remembered, so the next run does not even read the file.
        ReindexSummary again = t.reindex();
        assertEquals(2, again.unchanged());
        assertFalse(again.committed());
    }

    @Test
    void newAndDeletedFilesAreAddedAndRemoved() throws IOException {
        t.reindex();
        Files.delete(t.corpus().resolve("w/warfarin.md"));
        t.write("m/metformin.md", monograph("Metformin", "Usage", "Type 2 diabetes."));
        ReindexSummary s = t.reindex();
        assertEquals(1, s.added());
        assertEquals(1, s.removed());
        assertEquals(Set.of("a/aspirin.md", "m/metformin.md"), indexed().keySet());
        assertEquals(3, liveSections());
    }

    @Test
    void fullRebuildsEverything() throws IOException {
        t.reindex();
        ReindexSummary s = t.reindex(true);
        assertTrue(s.isFull());
        assertEquals(2, s.added());
        assertEquals(4, liveSections());
    }

    @Test
    void anIndexWithAnotherSchemaVersionIsRebuiltInFull() throws IOException {
        t.reindex();
        try (Directory dir = FSDirectory.open(t.index());
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            w.setLiveCommitData(Map.of(Schema.COMMIT_SCHEMA, "0").entrySet());
            w.commit();
        }
        ReindexSummary s = t.reindex();
        assertTrue(s.isFull());
        assertTrue(s.fullRebuild().contains("schema version 0"), s.fullRebuild());
        assertEquals(Schema.VERSION, userData().get(Schema.COMMIT_SCHEMA));
        assertEquals(4, liveSections());
    }

    @Test
    void aSecondReindexWhileOneHoldsTheLockFailsAtOnceAndChangesNothing() throws IOException {
        t.reindex();
        t.write("m/metformin.md", monograph("Metformin", "Usage", "Type 2 diabetes."));
        try (Directory dir = FSDirectory.open(t.index());
             IndexWriter holder = new IndexWriter(dir, new IndexWriterConfig())) {
            IndexLockedException e = assertThrows(IndexLockedException.class, () -> t.reindex());
            assertTrue(e.getMessage().contains("locked"));
            holder.rollback();
        }
        assertEquals(4, liveSections(), "the locked-out run wrote nothing");
        assertEquals(1, t.reindex().added(), "and the next run works");
    }

    @Test
    void aReindexFailingMidwayLeavesThePreviousIndexExactlyAsItWas() throws IOException {
        for (int i = 0; i < 30; i++) {
            t.write("x/extra-" + i + ".md", monograph("Extra " + i, "Usage", "Filler text number " + i + "."));
        }
        t.reindex();
        Map<String, Set<String>> before = indexed();
        long generation = generation();
        for (int i = 0; i < 30; i++) {
            t.write("x/extra-" + i + ".md", monograph("Extra " + i, "Usage", "Changed text " + i + "."));
            touchLater("x/extra-" + i + ".md");
        }
        Files.delete(t.corpus().resolve("a/aspirin.md"));
        RuntimeException boom = assertThrows(RuntimeException.class, () -> t.reindex(false, (done, total) -> {
            if (done == 10) {
                throw new IllegalStateException("simulated failure after 10 files");
            }
        }));
        assertEquals("simulated failure after 10 files", boom.getMessage());
        assertEquals(before, indexed());
        assertEquals(generation, generation());
        ReindexSummary next = t.reindex();
        assertEquals(30, next.updated());
        assertEquals(1, next.removed());
    }

    @Test
    void brokenFilesAreSkippedWithAReasonAndTheRestIsIndexed() throws IOException {
        t.writeBytes("b/binary.md", new byte[] {1, 2, 0, 3});
        t.writeBytes("e/empty.md", new byte[0]);
        t.write("f/front-only.md", "---\ntitle: Nothing\n---\n");
        ReindexSummary s = t.reindex();
        assertEquals(2, s.added());
        assertEquals(List.of("b/binary.md", "e/empty.md", "f/front-only.md"), s.skipped().stream().map(p -> p.source()).toList());
        assertTrue(s.skipped().get(0).reason().contains("binary"));
    }

    @Test
    void aHeadingTooLongToIndexSkipsItsFileAloneAndKeepsItsPreviousVersion() throws IOException {
        t.reindex();
        String heading = "### " + "H".repeat(40_000) + "\nText under it.\n";
        t.write("l/long-heading.md", "# Long\n" + heading);
        t.write("a/aspirin.md", "# Aspirin\n" + heading);
        touchLater("a/aspirin.md");
        ReindexSummary s = t.reindex();
        assertEquals(List.of("a/aspirin.md", "l/long-heading.md"), s.skipped().stream().map(p -> p.source()).toList());
        assertTrue(s.skipped().get(1).reason().contains("too long to index"), s.skipped().toString());
        assertTrue(s.skipped().get(0).reason().contains("previously indexed version is kept"), s.skipped().toString());
        assertEquals(Set.of("Usage: Pain and fever.", "Side Effects: Stomach bleeding."), indexed().get("a/aspirin.md"));
        assertEquals(4, liveSections(), "the other files' sections are all there");
    }

    @Test
    void aFileThatBreaksKeepsItsPreviouslyIndexedVersion() throws IOException {
        t.reindex();
        t.writeBytes("a/aspirin.md", new byte[0]);
        touchLater("a/aspirin.md");
        ReindexSummary s = t.reindex();
        assertTrue(s.skipped().get(0).reason().contains("previously indexed version is kept"), s.skipped().toString());
        assertEquals(Set.of("Usage: Pain and fever.", "Side Effects: Stomach bleeding."), indexed().get("a/aspirin.md"));
    }

    @Test
    void aMissingOrEmptyCorpusIsAnErrorAndTheIndexIsKept() throws IOException {
        t.reindex();
        Files.delete(t.corpus().resolve("a/aspirin.md"));
        Files.delete(t.corpus().resolve("w/warfarin.md"));
        CorpusException empty = assertThrows(CorpusException.class, () -> t.reindex());
        assertTrue(empty.getMessage().contains("no monograph files"), empty.getMessage());
        assertEquals(4, liveSections());
        TestIndex missing = new TestIndex(temp.resolve("other"));
        Files.delete(missing.corpus());
        assertThrows(CorpusException.class, missing::reindex);
    }

    private void touchLater(String relative) throws IOException {
        Path p = t.corpus().resolve(relative);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 5_000));
    }

    private long generation() throws IOException {
        try (Directory dir = FSDirectory.open(t.index())) {
            return SegmentInfos.readLatestCommit(dir).getGeneration();
        }
    }

    private Map<String, String> userData() throws IOException {
        try (Directory dir = FSDirectory.open(t.index())) {
            return SegmentInfos.readLatestCommit(dir).getUserData();
        }
    }
}
