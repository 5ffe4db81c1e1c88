package monosearch.monograph;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML character references in text that did not go through the markdown parser
 * (front matter values, raw HTML blocks). Markdown text itself is decoded by CommonMark.
 */
final class Entities {
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("hellip", "…"), Map.entry("deg", "°"), Map.entry("micro", "µ"), Map.entry("plusmn", "±"),
            Map.entry("times", "×"), Map.entry("sup2", "²"), Map.entry("sup3", "³"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("copy", "©"), Map.entry("le", "≤"), Map.entry("ge", "≥"),
            Map.entry("middot", "·"), Map.entry("bull", "•"));

    private Entities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resolve(String name, String original) {
        if (name.charAt(0) != '#') {
            return NAMED.getOrDefault(name, original);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(codePoint));
    }
}
