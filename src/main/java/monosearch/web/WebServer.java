package monosearch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Supplier;
import monosearch.analytics.SearchAnalytics;
import monosearch.search.BackendUnavailableException;
import monosearch.search.Links;
import monosearch.search.QueryTooComplexException;
import monosearch.search.SearchBackend;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: routes, error mapping and response headers. Handlers live in the controllers. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Javalin app;
    private final WebConfig config;
    private final ServerMetrics metrics;

    /**
     * What a server may have beside search: meters, the reindexes it runs, the admin reindex action (used when the
     * config has an admin token).
     */
    public record Parts(ServerMetrics metrics, ReindexRunner reindexes, AdminController.Reindex reindex,
                        AdminController.Tables tables, SearchAnalytics analytics, Supplier<Pins> pins, Links links) {
        /** No meters, live tables, analytics or pins, and {@code reindex} (may be null) for POST /api/reindex. */
        public static Parts basic(AdminController.Reindex reindex) {
            ServerMetrics off = ServerMetrics.off();
            return new Parts(off, new ReindexRunner(off), reindex, null, SearchAnalytics.off(), Pins::none, new Links(null));
        }

        /** The same parts, counted by these meters. */
        public Parts withMetrics(ServerMetrics meters) {
            return new Parts(meters, new ReindexRunner(meters), reindex, tables, analytics, pins, links);
        }
    }

    public WebServer(SearchBackend search, WebConfig config) {
        this(search, config, null);
    }

    /** With {@code reindex} and an admin token in the config, POST /api/reindex runs it. */
    public WebServer(SearchBackend search, WebConfig config, AdminController.Reindex reindex) {
        this(() -> search, config, Parts.basic(reindex));
    }

    /** {@code search} is asked for at each request: a reloaded table replaces the service between two requests. */
    public WebServer(Supplier<SearchBackend> search, WebConfig config, Parts parts) {
        this.config = config;
        this.metrics = parts.metrics();
        ApiController api = new ApiController(search, metrics, parts.analytics(), parts.pins(), parts.links());
        PageController pages = new PageController(search);
        AssetController assets = new AssetController();
        Admission admission = new Admission(config.maxSearches(), config.maxWaiting(), config.admissionWaitMillis());
        metrics.admission(admission);
        metrics.index(search);
        this.app = Javalin.create(c -> {
            c.jetty.threadPool = threadPool(config.maxThreads());
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.prefer405over404 = true;
            c.http.maxRequestSize = 16 * 1024;
            c.router.ignoreTrailingSlashes = true;
            c.requestLogger.http(this::afterRequest);
            c.routes.before(RequestIds::assign);
            c.routes.before(WebServer::securityHeaders);
            c.routes.get("/", pages::searchPage);
            c.routes.get("/assets/{name}", assets::asset);
            c.routes.get("/monographs/{slug}", pages::monograph);
            c.routes.get("/opensearch.xml", pages::openSearch);
            c.routes.get("/api/search", admission.guard(api::search));
            c.routes.get("/api/suggest", admission.guard(api::suggest));
            c.routes.get("/api/monographs/{slug}", admission.guard(api::monograph));
            c.routes.post("/api/opened", api::opened);
            if (config.adminToken() != null) {
                AdminController admin = new AdminController(config.adminToken(), parts.reindex(), parts.reindexes(),
                        parts.tables());
                if (parts.reindex() != null) {
                    c.routes.post("/api/reindex", admin::reindex);
                }
                if (parts.tables() != null) {
                    c.routes.post("/api/admin/reload", admin::reload);
                }
                if (parts.analytics().enabled()) {
                    c.routes.get("/api/admin/analytics", ctx -> AdminController.analytics(ctx, admin, parts.analytics()));
                }
            }
            if (metrics.enabled()) {
                c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
            }
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    rule.path = "/api/*";
                    config.corsOrigins().forEach(origin -> rule.allowHost(origin));
                }));
            }
            c.routes.get("/health", api::health);
            c.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            c.routes.exception(QueryTooComplexException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            c.routes.exception(BackendUnavailableException.class, WebServer::backendUnavailable);
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, WebServer::internalError);
            c.routes.error(404, ctx -> fillEmpty(ctx, 404, "not found"));
            c.routes.error(405, ctx -> fillEmpty(ctx, 405, "method not allowed"));
        });
    }

    /** A bounded number of request threads; overload is turned away by {@link Admission}, not queued here. */
    private static QueuedThreadPool threadPool(int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        pool.setName("http");
        return pool;
    }

    public WebServer start() {
        app.start(config.host(), config.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        metrics.close();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(new ApiError(status, message));
    }

    private static void fillEmpty(Context ctx, int status, String message) {
        if (isEmpty(ctx)) {
            error(ctx, status, message);
        }
    }

    private static boolean isEmpty(Context ctx) {
        InputStream body = ctx.resultInputStream();
        if (body == null) {
            return true;
        }
        try {
            return body.available() == 0 && (ctx.result() == null || ctx.result().isEmpty());
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The stack trace goes to the log under the request's id; the client gets the id, to quote when reporting it,
     * and nothing of the server's insides.
     */
    private static void internalError(Exception e, Context ctx) {
        String id = RequestIds.of(ctx);
        log.error("request id={} failed: {} {}", id, ctx.method(), Json.quote(ctx.path()), e);
        ctx.status(500).json(new ServerError(500, "internal error; the server log has the details under request id " + id, id));
    }

    /**
     * The search engine (Solr) cannot be reached: the request was fine and may work in a moment, so 503 with
     * Retry-After, as when the server is busy; never a 500.
     */
    private static void backendUnavailable(BackendUnavailableException e, Context ctx) {
        log.warn("request id={} {} {}: {}", RequestIds.of(ctx), ctx.method(), Json.quote(ctx.path()), e.getMessage());
        ctx.header("Retry-After", "2");
        error(ctx, 503, "the search engine cannot be reached just now; try again in a few seconds");
    }

    /** The body of a 500: what an operator needs to find the stack trace in the log. */
    record ServerError(int status, String error, String requestId) {
    }

    private void afterRequest(Context ctx, Float ms) {
        metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms);
        if (config.logRequests()) {
            logRequest(ctx, ms);
        }
    }

    /** The route's template ("/monographs/{slug}"), so the meters have one series per route, not per URL. */
    private static String route(Context ctx) {
        try {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "unmatched" : matched.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private void logRequest(Context ctx, Float ms) {
        StringBuilder line = new StringBuilder(160);
        line.append("request id=").append(RequestIds.of(ctx))
                .append(" method=").append(ctx.method())
                .append(" path=").append(Json.quote(ctx.path()))
                .append(" status=").append(ctx.statusCode())
                .append(String.format(Locale.ROOT, " ms=%.2f", ms));
        if (config.logQueries() && ctx.queryString() != null) {
            line.append(" query=").append(Json.quote(ctx.queryString()));
        }
        log.info(line.toString());
    }
}
