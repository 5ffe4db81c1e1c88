package monosearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index as a server reads it: always the latest commit, checked for every {@code refreshMillis}. A search
 * holds its snapshot until it finishes, so a reindex committing meanwhile never disturbs it.
 */
public final class LiveIndex implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
    private final Directory directory;
    private final Snapshots snapshots;
    private final ScheduledExecutorService refresher;

    private LiveIndex(Directory directory, Snapshots snapshots, ScheduledExecutorService refresher) {
        this.directory = directory;
        this.snapshots = snapshots;
        this.refresher = refresher;
    }

    /** Opens the index at {@code path}; fails if there is no readable index there. */
    public static LiveIndex open(Path path, long refreshMillis) throws IOException {
        Directory dir = FSDirectory.open(path);
        try {
            Snapshots snapshots = new Snapshots(IndexSnapshot.of(DirectoryReader.open(dir)));
            ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "index-refresh");
                t.setDaemon(true);
                return t;
            });
            LiveIndex live = new LiveIndex(dir, snapshots, refresher);
            if (refreshMillis > 0) {
                refresher.scheduleWithFixedDelay(live::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
            }
            return live;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** A snapshot to search; give it back with {@link #release}. */
    public IndexSnapshot acquire() throws IOException {
        return snapshots.acquire();
    }

    public void release(IndexSnapshot snapshot) throws IOException {
        snapshots.release(snapshot);
    }

    /** Picks up a new commit now, if there is one. */
    public void refresh() throws IOException {
        snapshots.maybeRefreshBlocking();
    }

    private void refreshQuietly() {
        try {
            snapshots.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // A commit half-visible or a file gone: keep serving the current snapshot and try again next tick.
            log.warn("index refresh failed, still serving the previous version: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        try {
            // A refresh already under way must finish before the directory it reads is closed.
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        snapshots.close();
        directory.close();
    }

    private static final class Snapshots extends ReferenceManager<IndexSnapshot> {
        Snapshots(IndexSnapshot first) {
            current = first;
        }

        @Override
        protected void decRef(IndexSnapshot reference) throws IOException {
            reference.reader().decRef();
        }

        @Override
        protected IndexSnapshot refreshIfNeeded(IndexSnapshot reference) throws IOException {
            DirectoryReader newer = DirectoryReader.openIfChanged(reference.reader());
            if (newer == null) {
                return null;
            }
            try {
                return IndexSnapshot.of(newer);
            } catch (IOException | RuntimeException e) {
                newer.close();
                throw e;
            }
        }

        @Override
        protected boolean tryIncRef(IndexSnapshot reference) {
            return reference.reader().tryIncRef();
        }

        @Override
        protected int getRefCount(IndexSnapshot reference) {
            return reference.reader().getRefCount();
        }
    }
}
