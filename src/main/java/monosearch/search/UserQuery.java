package monosearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user typed, read leniently: {@code "quoted phrases"}, {@code -excluded} words or phrases, and a
 * trailing {@code *} for a prefix. Every other character is text, so no input is a syntax error.
 *
 * @param parts in the order typed
 */
record UserQuery(List<Part> parts) {
    enum Kind { WORD, PHRASE, PREFIX }

    /** One word, phrase or prefix; {@code excluded} when it was preceded by '-'. */
    record Part(Kind kind, String text, boolean excluded) {
    }

    UserQuery {
        parts = List.copyOf(parts);
    }

    static UserQuery parse(String raw) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(raw.charAt(i + 1))) {
                excluded = true;
                i++;
                c = raw.charAt(i);
            }
            if (c == '"' || c == '“' || c == '”') {
                int close = indexOfQuote(raw, i + 1);
                int end = close < 0 ? n : close;
                String phrase = raw.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    parts.add(new Part(Kind.PHRASE, phrase, excluded));
                }
                i = close < 0 ? n : close + 1;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(raw.charAt(end)) && raw.charAt(end) != '"') {
                end++;
            }
            String word = raw.substring(i, end);
            i = end;
            if (word.endsWith("*")) {
                String stem = word.replaceAll("\\*+$", "");
                if (Words.fold(stem).replaceAll("[^\\p{L}\\p{N}]", "").length() >= 2) {
                    parts.add(new Part(Kind.PREFIX, stem, excluded));
                    continue;
                }
                word = stem;
            }
            if (!word.isEmpty()) {
                parts.add(new Part(Kind.WORD, word, excluded));
            }
        }
        return new UserQuery(parts);
    }

    private static int indexOfQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the query ends with a question mark, as a question typed in words does. */
    boolean asked() {
        return !parts.isEmpty() && parts.get(parts.size() - 1).text().endsWith("?");
    }

    List<Part> included() {
        return parts.stream().filter(p -> !p.excluded()).toList();
    }

    List<Part> excluded() {
        return parts.stream().filter(Part::excluded).toList();
    }
}
