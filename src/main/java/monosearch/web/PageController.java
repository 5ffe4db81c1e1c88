package monosearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import monosearch.monograph.Monograph;
import monosearch.monograph.TableText;
import monosearch.search.Html;
import monosearch.search.SearchBackend;

/** HTML pages: the search page (static, scripted from /assets) and the monograph page (rendered here). */
final class PageController {
    private final Supplier<SearchBackend> search;
    private final byte[] searchPage;

    PageController(Supplier<SearchBackend> search) {
        this.search = search;
        this.searchPage = TableText.bundledBytes("/web/index.html");
    }

    void searchPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(searchPage);
    }

    void monograph(Context ctx) throws IOException {
        Monograph m;
        try {
            m = ApiController.monographOr404(search.get(), ctx);
        } catch (NotFoundResponse e) {
            if (!acceptsHtml(ctx)) {
                throw e;
            }
            // A browser following an old link gets a page; a script asking the same URL still gets the JSON error.
            ctx.status(404).contentType("text/html; charset=utf-8").result(MonographPage.notFound(ctx.pathParam("slug")));
            return;
        }
        String query = ctx.queryParam("q");
        Set<String> matched = query == null || query.isBlank() || query.length() > ApiController.MAX_QUERY_CHARS || query.split("\\s+").length > ApiController.MAX_QUERY_WORDS
                ? Set.of() : search.get().matchedWords(m.slug(), query);
        ctx.contentType("text/html; charset=utf-8").result(MonographPage.render(m, matched));
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Lets a browser add the search page as a search engine. No suggestions URL: /api/suggest answers monosearch's
     * own JSON, not the OpenSearch suggestions array a browser would read.
     */
    void openSearch(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>monosearch</ShortName>
                  <Description>Search the drug monographs</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Url type="text/html" method="get" template="%1$s/?q={searchTerms}"/>
                </OpenSearchDescription>
                """.formatted(Html.escape(base));
        ctx.contentType("application/opensearchdescription+xml; charset=utf-8").result(xml);
    }
}
