package monosearch.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a bounded number of searches run at once and a bounded number wait for a place. A request beyond the
 * queue, or one that waited too long, is turned away at once with 503 and Retry-After: past capacity, callers
 * get a quick answer to retry instead of every request growing slower without bound.
 */
final class Admission {
    private final Semaphore running;
    private final int maxWaiting;
    private final long waitMillis;
    private final int concurrent;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong rejected = new AtomicLong();

    Admission(int concurrent, int maxWaiting, long waitMillis) {
        this.concurrent = concurrent;
        this.running = new Semaphore(concurrent);
        this.maxWaiting = maxWaiting;
        this.waitMillis = waitMillis;
    }

    Handler guard(Handler handler) {
        return ctx -> {
            if (!admit()) {
                rejected.incrementAndGet();
                refuse(ctx);
                return;
            }
            try {
                handler.handle(ctx);
            } finally {
                running.release();
            }
        };
    }

    int waiting() {
        return waiting.get();
    }

    int running() {
        return concurrent - running.availablePermits();
    }

    long rejected() {
        return rejected.get();
    }

    private boolean admit() throws InterruptedException {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static void refuse(Context ctx) {
        ctx.header("Retry-After", "1");
        WebServer.error(ctx, 503, "the server is busy; try again in a second");
    }
}
