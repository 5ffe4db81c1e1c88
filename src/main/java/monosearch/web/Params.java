package monosearch.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Query parameters read and checked, each failure a {@link BadRequest} that names the parameter. */
final class Params {
    private Params() {
    }

    static String requiredText(Context ctx, String name, int maxLength) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest(name + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new BadRequest(name + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    static int intInRange(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number between " + min + " and " + max);
        }
        if (n < min || n > max) {
            throw new BadRequest(name + " must be between " + min + " and " + max);
        }
        return n;
    }

    /** All values of a repeatable parameter, blanks dropped; with {@code commas}, "a,b" counts as two. */
    static List<String> list(Context ctx, String name, int maxValues, boolean commas) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : commas ? v.split(",") : new String[] {v}) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        if (out.size() > maxValues) {
            throw new BadRequest("at most " + maxValues + " values of " + name + " are allowed");
        }
        return out;
    }
}
