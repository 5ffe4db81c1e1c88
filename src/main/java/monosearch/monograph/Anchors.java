package monosearch.monograph;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading ids as kramdown's GFM mode (Jekyll) and GitHub make them, so links land on the published heading:
 * lower case, everything but letters, digits, '_', '-' and spaces dropped, spaces become '-';
 * a repeated id gets "-1", "-2", ... in document order. One instance per document.
 */
public final class Anchors {
    private final Map<String, Integer> seen = new HashMap<>();

    public String next(String headingText) {
        String base = slugify(headingText);
        Integer count = seen.get(base);
        if (count == null) {
            seen.put(base, 0);
            return base;
        }
        String candidate;
        do {
            count++;
            candidate = base + "-" + count;
        } while (seen.containsKey(candidate));
        seen.put(base, count);
        seen.put(candidate, 0);
        return candidate;
    }

    static String slugify(String headingText) {
        String lower = headingText.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-'
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }
}
