package monosearch.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * An id for every request, sent back as {@code X-Request-Id} and written on its log lines. A proxy's id is kept when
 * it looks like one (so one id follows a request through both logs); anything else is replaced, so a header cannot
 * put arbitrary text into the log.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "monosearch.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; one made now for a request that failed before it was given one. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = fresh();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }

    private static String fresh() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
