package monosearch.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import monosearch.index.Sha256;
import monosearch.monograph.TableText;

/**
 * The search page's scripts and stylesheet, held in memory. Javalin's static-file handler would mount the
 * whole jar as a file system at startup (a fifth of a start's CPU) to serve these three files; a fixed list
 * also means no path from a request ever reaches the class path.
 */
final class AssetController {
    static final Map<String, String> TYPES = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "monograph.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private record Asset(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Asset> assets;

    AssetController() {
        this.assets = Map.copyOf(TYPES.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> load(e.getKey(), e.getValue()))));
    }

    void asset(Context ctx) {
        Asset a = assets.get(ctx.pathParam("name"));
        if (a == null) {
            throw new NotFoundResponse("no asset " + ctx.pathParam("name"));
        }
        // Revalidated on each load, so a new release is picked up at once; unchanged files cost a 304.
        ctx.header("Cache-Control", "no-cache").header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.type()).result(a.bytes());
    }

    private static Asset load(String name, String type) {
        byte[] bytes = TableText.bundledBytes("/web/assets/" + name);
        return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(Sha256.of(bytes), 0, 8) + "\"");
    }
}
