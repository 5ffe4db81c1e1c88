package monosearch.web;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import monosearch.index.CorpusException;
import monosearch.index.IndexDiskFullException;
import monosearch.index.IndexLockedException;
import monosearch.index.ReindexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's reindexes, whoever asks for one (the admin route, the watched folder, a changed sections table):
 * one at a time, each logged and counted by trigger and outcome.
 */
public final class ReindexRunner {
    private static final Logger log = LoggerFactory.getLogger(ReindexRunner.class);

    private final ServerMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();

    public ReindexRunner(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Runs the reindex unless one is running already; empty then. */
    public Optional<ReindexSummary> tryRun(String trigger, AdminController.Reindex reindex) throws Exception {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(measured(trigger, reindex));
        } finally {
            lock.unlock();
        }
    }

    /** Runs the reindex once the one running, if any, has finished. */
    public ReindexSummary run(String trigger, AdminController.Reindex reindex) throws Exception {
        lock.lock();
        try {
            return measured(trigger, reindex);
        } finally {
            lock.unlock();
        }
    }

    private ReindexSummary measured(String trigger, AdminController.Reindex reindex) throws Exception {
        long start = System.nanoTime();
        try {
            ReindexSummary summary = reindex.run();
            metrics.reindex(trigger, summary.committed() ? "committed" : "unchanged", System.nanoTime() - start);
            summary.log(log);
            return summary;
        } catch (CorpusException | IndexLockedException | IndexDiskFullException e) {
            metrics.reindex(trigger, "failed", System.nanoTime() - start);
            log.error("reindex ({}) failed, the index served is unchanged: {}", trigger, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            metrics.reindex(trigger, "failed", System.nanoTime() - start);
            log.error("reindex ({}) failed, the index served is unchanged", trigger, e);
            throw e;
        }
    }
}
