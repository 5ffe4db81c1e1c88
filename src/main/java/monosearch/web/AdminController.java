package monosearch.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import monosearch.analytics.SearchAnalytics;
import monosearch.index.CorpusException;
import monosearch.index.IndexDiskFullException;
import monosearch.index.IndexLockedException;
import monosearch.index.ReindexSummary;
import monosearch.index.Sha256;

/** The admin routes, for a caller holding the admin token: POST /api/reindex (one at a time) and /api/admin/reload. */
public final class AdminController {
    /** Runs one reindex of the served corpus into the served index. */
    @FunctionalInterface
    public interface Reindex {
        ReindexSummary run() throws Exception;
    }

    private static byte[] sha256(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reloads the editable tables from their files. */
    @FunctionalInterface
    public interface Tables {
        List<TableReport> reload();
    }

    record Reloaded(List<TableReport> tables) {
    }

    private final byte[] token;
    private final Reindex reindex;
    private final ReindexRunner runner;
    private final Tables tables;

    AdminController(String token, Reindex reindex, ReindexRunner runner, Tables tables) {
        this.token = sha256(token);
        this.reindex = reindex;
        this.runner = runner;
        this.tables = tables;
    }

    /** {@code GET /api/admin/analytics?limit=20}: top, zero-result and unopened queries. */
    static void analytics(Context ctx, AdminController admin, SearchAnalytics analytics) {
        if (admin.authorized(ctx)) {
            ctx.json(ApiJson.Analytics.of(analytics.report(Params.intInRange(ctx, "limit", 20, 1, 1000))));
        }
    }

    /** {@code POST /api/admin/reload}: every table read anew; a broken one is reported and the previous one kept. */
    void reload(Context ctx) {
        if (authorized(ctx)) {
            ctx.json(new Reloaded(tables.reload()));
        }
    }

    /** Whether the request holds the admin token; if not, the 401 or 403 is written. */
    boolean authorized(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            WebServer.error(ctx, 401, "an admin token is required: Authorization: Bearer <token>");
            return false;
        }
        // Digests have one length, so the comparison takes the same time whatever was sent.
        byte[] given = sha256(header.substring("Bearer ".length()).strip());
        if (!MessageDigest.isEqual(given, token)) {
            WebServer.error(ctx, 403, "the admin token is not valid");
            return false;
        }
        return true;
    }

    void reindex(Context ctx) throws Exception {
        if (!authorized(ctx)) {
            return;
        }
        try {
            Optional<ReindexSummary> summary = runner.tryRun("admin", reindex);
            if (summary.isEmpty()) {
                WebServer.error(ctx, 409, "a reindex is already running");
                return;
            }
            ctx.json(ApiJson.Reindex.of(summary.get()));
        } catch (IndexLockedException e) {
            WebServer.error(ctx, 409, e.getMessage());
        } catch (CorpusException e) {
            WebServer.error(ctx, 500, e.getMessage());
        } catch (IndexDiskFullException e) {
            WebServer.error(ctx, 507, e.getMessage());
        }
    }
}
