package monosearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import monosearch.analytics.SearchAnalytics;
import monosearch.monograph.Monograph;
import monosearch.search.Links;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchBackend;

/** The JSON API: reads and checks parameters, asks the search service, writes JSON. Nothing else. */
final class ApiController {
    static final int MAX_QUERY_CHARS = 500;
    static final int MAX_FILTER_VALUES = 20;
    static final int MAX_QUERY_WORDS = 32;

    private final Supplier<SearchBackend> search;
    private final ServerMetrics metrics;
    private final SearchAnalytics analytics;
    private final Supplier<Pins> pins;
    private final Links links;

    ApiController(Supplier<SearchBackend> search, ServerMetrics metrics, SearchAnalytics analytics, Supplier<Pins> pins,
                  Links links) {
        this.search = search;
        this.metrics = metrics;
        this.analytics = analytics;
        this.pins = pins;
        this.links = links;
    }

    void search(Context ctx) throws IOException {
        String q = Params.requiredText(ctx, "q", MAX_QUERY_CHARS);
        if (q.split("\\s+").length > MAX_QUERY_WORDS) {
            throw new BadRequest("q must have at most " + MAX_QUERY_WORDS + " words");
        }
        List<String> sections = Params.list(ctx, "section", MAX_FILTER_VALUES, false);
        List<String> drugs = Params.list(ctx, "drug", MAX_FILTER_VALUES, true);
        int limit = Params.intInRange(ctx, "limit", 10, 1, 100);
        int offset = Params.intInRange(ctx, "offset", 0, 0, 10_000);
        long start = System.nanoTime();
        SearchBackend service = search.get();
        SearchRequest request = new SearchRequest(q, sections, drugs, limit, offset);
        SearchResult result = service.search(request);
        metrics.search(System.nanoTime() - start, result.timings());
        if (offset == 0) {
            analytics.searched(q, result.total());
        }
        List<ApiJson.Hit> hits = pins.get().apply(request, result.hits().stream().map(ApiJson.Hit::of).toList(), service, links);
        ctx.json(ApiJson.Search.of(result, hits));
    }

    /**
     * {@code POST /api/opened}, the search page's beacon when a result is opened: the body is the query, nothing
     * else is sent or kept. Answered 204 whether analytics are on or not, so the page need not know.
     */
    void opened(Context ctx) {
        String q = ctx.body().strip();
        if (!q.isEmpty() && q.length() <= MAX_QUERY_CHARS) {
            analytics.opened(q);
        }
        ctx.status(204);
    }

    /** The page asks for suggestions on every keystroke, so any box the search accepts is accepted here too. */
    void suggest(Context ctx) throws IOException {
        String q = Params.requiredText(ctx, "q", MAX_QUERY_CHARS);
        int limit = Params.intInRange(ctx, "limit", 8, 1, 20);
        ctx.json(ApiJson.Suggestions.of(q, search.get().suggest(q, limit)));
    }

    void monograph(Context ctx) throws IOException {
        ctx.json(ApiJson.MonographJson.of(monographOr404(search.get(), ctx)));
    }

    /** The monograph the path's {slug} names, or a 404 that says so: the API and the page look it up alike. */
    static Monograph monographOr404(SearchBackend search, Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        return search.monograph(slug).orElseThrow(() -> new NotFoundResponse("no monograph with slug '" + slug + "'"));
    }

    void health(Context ctx) throws IOException {
        SearchBackend.IndexStats stats = search.get().stats();
        ctx.json(new ApiJson.Health("ok", stats.monographs(), stats.sections(), stats.version(), stats.contentVersion()));
    }
}
