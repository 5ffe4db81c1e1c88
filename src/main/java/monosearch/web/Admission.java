package monosearch.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of searches run at once. Past that, a request waits a moment for a place and is then
 * turned away with 503 and Retry-After, so an overload costs callers a quick retry instead of every request
 * growing slower without bound.
 */
final class Admission {
    private final Semaphore places;
    private final long waitMillis;

    Admission(int concurrent, long waitMillis) {
        this.places = new Semaphore(concurrent);
        this.waitMillis = waitMillis;
    }

    Handler guard(Handler handler) {
        return ctx -> {
            if (!places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                refuse(ctx);
                return;
            }
            try {
                handler.handle(ctx);
            } finally {
                places.release();
            }
        };
    }

    private static void refuse(Context ctx) {
        ctx.header("Retry-After", "1");
        WebServer.error(ctx, 503, "the server is busy; try again in a second");
    }
}
