package monosearch.index;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a corpus folder and its subfolders, and asks for a reindex once changes stop: a burst of saves (a
 * checkout, a sync of 500 files) is one reindex, run once the folder has been quiet for a moment and the changed
 * files have stopped growing, so a file still being written is read when it is complete. Any change, even one the
 * operating system could not list (an overflow), leads to the same incremental reindex, which compares the whole
 * folder with the index: nothing is missed. A vanished folder is reported once and watched for until it is back.
 */
public final class CorpusWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CorpusWatcher.class);
    /** Changed files whose size and time are compared before a reindex; past that, waiting for quiet suffices. */
    private static final int MAX_TRACKED = 10_000;
    private static final long ABSENT_CHECK_MILLIS = 1_000;

    private final Path corpus;
    private final long quietMillis;
    private final Runnable reindex;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** {@code reindex} runs on the watcher's own thread, one at a time. */
    public CorpusWatcher(Path corpus, long quietMillis, Runnable reindex) throws IOException {
        this.corpus = corpus.toAbsolutePath().normalize();
        this.quietMillis = quietMillis;
        this.reindex = reindex;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::loop, "corpus-watch");
        thread.setDaemon(true);
    }

    public CorpusWatcher start() {
        registerAll();
        thread.start();
        return this;
    }

    private void loop() {
        boolean vanished = !Files.isDirectory(corpus);
        try {
            while (!closed) {
                if (vanished) {
                    Thread.sleep(ABSENT_CHECK_MILLIS);
                    if (Files.isDirectory(corpus)) {
                        log.info("corpus folder {} is back; reindexing it", corpus);
                        vanished = false;
                        registerAll();
                        reindex.run();
                    }
                    continue;
                }
                WatchKey first = watcher.poll(ABSENT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!Files.isDirectory(corpus)) {
                        vanished = reportVanished();
                    }
                    continue;
                }
                Map<Path, Stamp> changed = new HashMap<>();
                take(first, changed);
                awaitQuiet(changed);
                if (!Files.isDirectory(corpus)) {
                    vanished = reportVanished();
                    reindex.run();
                    continue;
                }
                reindex.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the corpus watcher stopped; changes to {} are no longer picked up", corpus, e);
        }
    }

    private boolean reportVanished() {
        log.error("corpus folder {} has vanished or cannot be read; the index is kept and served, and the folder "
                + "is watched for until it is back", corpus);
        synchronized (folders) {
            folders.keySet().forEach(WatchKey::cancel);
            folders.clear();
        }
        return true;
    }

    /** Collects events until none came for {@link #quietMillis} and the changed files' size and time held still. */
    private void awaitQuiet(Map<Path, Stamp> changed) throws InterruptedException {
        while (true) {
            WatchKey next = watcher.poll(quietMillis, TimeUnit.MILLISECONDS);
            if (next != null) {
                take(next, changed);
                continue;
            }
            boolean still = true;
            for (Map.Entry<Path, Stamp> e : changed.entrySet()) {
                Stamp now = Stamp.of(e.getKey());
                if (!now.equals(e.getValue())) {
                    e.setValue(now);
                    still = false;
                }
            }
            if (still) {
                return;
            }
        }
    }

    private void take(WatchKey key, Map<Path, Stamp> changed) {
        Path folder;
        synchronized (folders) {
            folder = folders.get(key);
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                register(path);
            }
            if (changed.size() < MAX_TRACKED) {
                changed.put(path, Stamp.of(path));
            }
        }
        if (!key.reset()) {
            synchronized (folders) {
                folders.remove(key);
            }
        }
    }

    private void registerAll() {
        if (Files.isDirectory(corpus)) {
            register(corpus);
        }
    }

    /** The folder and every folder below it; a folder that cannot be watched is reported and left out. */
    private void register(Path root) {
        Set<Path> seen = new HashSet<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!seen.add(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                        synchronized (folders) {
                            folders.put(key, dir);
                        }
                    } catch (IOException e) {
                        log.warn("cannot watch {} ({}); its changes are picked up with the next other change", dir,
                                e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (Files.isDirectory(file)) {
                        log.warn("cannot watch {} ({})", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot watch {} ({})", root, e.toString());
        }
    }

    /** A file's size and modification time, or absent. */
    private record Stamp(long size, long modified) {
        static Stamp of(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return new Stamp(-1, -1);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        watcher.close();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
