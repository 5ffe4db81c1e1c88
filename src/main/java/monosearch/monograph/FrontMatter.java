package monosearch.monograph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML front matter of a Jekyll page, split from its markdown body.
 *
 * @param title   the {@code title} value, when present and not blank
 * @param body    the markdown after the front matter
 * @param warning what was wrong with the front matter, if anything
 */
record FrontMatter(Optional<String> title, String body, Optional<String> warning) {
    private static final Pattern YAML_LINE = Pattern.compile("^[A-Za-z_][\\w-]*\\s*:.*$|^\\s+\\S.*$");

    static FrontMatter split(String text) {
        if (!text.startsWith("---")) {
            return new FrontMatter(Optional.empty(), text, Optional.empty());
        }
        int firstEol = text.indexOf('\n');
        if (firstEol < 0 || !text.substring(0, firstEol).strip().equals("---")) {
            return new FrontMatter(Optional.empty(), text, Optional.empty());
        }
        int lineStart = firstEol + 1;
        while (lineStart <= text.length()) {
            int eol = text.indexOf('\n', lineStart);
            int lineEnd = eol < 0 ? text.length() : eol;
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.equals("---") || line.equals("...")) {
                String yaml = text.substring(firstEol + 1, lineStart);
                String body = eol < 0 ? "" : text.substring(eol + 1);
                return parseYaml(yaml, body);
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        return unclosed(text, firstEol + 1);
    }

    /** No closing '---': the "key: value" lines after the opening one are taken as the front matter. */
    private static FrontMatter unclosed(String text, int yamlStart) {
        int end = yamlStart;
        while (end < text.length()) {
            int eol = text.indexOf('\n', end);
            int lineEnd = eol < 0 ? text.length() : eol;
            if (!YAML_LINE.matcher(text.substring(end, lineEnd)).matches()) {
                break;
            }
            end = eol < 0 ? text.length() : eol + 1;
        }
        FrontMatter salvaged = parseYaml(text.substring(yamlStart, end), text.substring(end));
        return new FrontMatter(salvaged.title(), salvaged.body(),
                Optional.of("front matter is not closed by a second '---' line; its key: value lines were read as front matter"));
    }

    static FrontMatter parseYaml(String yaml, String body) {
        PlainLines plain = PlainLines.read(yaml);
        if (plain != null) {
            return new FrontMatter(titleValue(plain.title()), body, Optional.empty());
        }
        return parseWithYamlParser(yaml, body);
    }

    /** The front matter as SnakeYAML reads it: the reference for {@link PlainLines}, and for anything else. */
    static FrontMatter parseWithYamlParser(String yaml, String body) {
        Object loaded;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1 << 20);
            loaded = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            String reason = firstLine(e.getMessage());
            return new FrontMatter(Optional.empty(), body, Optional.of("front matter is not valid YAML (" + reason + ")"));
        }
        if (loaded == null) {
            return new FrontMatter(Optional.empty(), body, Optional.empty());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return new FrontMatter(Optional.empty(), body, Optional.of("front matter is not a YAML mapping"));
        }
        Object title = map.get("title");
        if (title instanceof List<?> || title instanceof Map<?, ?>) {
            return new FrontMatter(Optional.empty(), body, Optional.of("front matter title is not a plain value"));
        }
        return new FrontMatter(titleValue(title == null ? null : title.toString()), body, Optional.empty());
    }

    private static Optional<String> titleValue(String title) {
        return Optional.ofNullable(title)
                .map(t -> PlainText.tidy(Entities.decode(t).replace('\n', ' ')))
                .filter(t -> !t.isBlank());
    }

    /**
     * Front matter of plain {@code key: words} lines, as nearly every monograph has ("layout: minimal-medicine",
     * "title: Abiraterone Besylate"), read without the YAML parser, whose setup and first uses cost more than all
     * the rest of reading a small file. Anything YAML could read otherwise (quotes, comments, nesting, values it
     * takes for booleans or null...) is left to the parser, and so are repeated keys, which it logs.
     *
     * @param title the title value, null when there is none
     */
    record PlainLines(String title) {
        private static final int MAX_LENGTH = 4096;
        private static final int MAX_KEY_LENGTH = 100;
        /** Plain words that YAML 1.1 reads as booleans or null, in any case. */
        private static final Set<String> NOT_TEXT = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

        /** The lines read, or null when they are not all plain {@code key: words} lines. */
        static PlainLines read(String yaml) {
            if (yaml.length() > MAX_LENGTH) {
                return null;
            }
            String title = null;
            List<String> keys = new ArrayList<>();
            int lineStart = 0;
            while (lineStart < yaml.length()) {
                int lineEnd = yaml.indexOf('\n', lineStart);
                if (lineEnd < 0) {
                    lineEnd = yaml.length();
                }
                if (lineEnd > lineStart) {
                    int colon = keyEnd(yaml, lineStart, lineEnd);
                    if (colon < 0) {
                        return null;
                    }
                    String value = value(yaml, colon + 1, lineEnd);
                    if (value == null) {
                        return null;
                    }
                    String key = yaml.substring(lineStart, colon);
                    if (keys.contains(key)) {
                        return null;
                    }
                    keys.add(key);
                    if (key.equals("title")) {
                        title = value.isEmpty() ? null : value;
                    }
                }
                lineStart = lineEnd + 1;
            }
            return new PlainLines(title);
        }

        /** The index of the colon after a short key of letters, digits, '_' and '-' that starts the line, or -1. */
        private static int keyEnd(String yaml, int start, int end) {
            char first = yaml.charAt(start);
            if (!(isAsciiLetter(first) || first == '_')) {
                return -1;
            }
            for (int i = start + 1; i < Math.min(end, start + MAX_KEY_LENGTH); i++) {
                char c = yaml.charAt(i);
                if (c == ':') {
                    return i;
                }
                if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * The value after "key:": empty, or a space and words (letters, digits, spaces and {@code ( ) , . / ' + -})
         * starting with a letter; null for anything else.
         */
        private static String value(String yaml, int start, int end) {
            if (start == end) {
                return "";
            }
            if (yaml.charAt(start) != ' ') {
                return null;
            }
            while (start < end && yaml.charAt(start) == ' ') {
                start++;
            }
            while (end > start && yaml.charAt(end - 1) == ' ') {
                end--;
            }
            if (start == end) {
                return "";
            }
            if (!Character.isLetter(yaml.charAt(start))) {
                return null;
            }
            for (int i = start; i < end; i++) {
                char c = yaml.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == ' ' || "(),./'+-".indexOf(c) >= 0)) {
                    return null;
                }
            }
            String value = yaml.substring(start, end);
            return NOT_TEXT.contains(value.toLowerCase(Locale.ROOT)) ? null : value;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().split("\n", 2)[0];
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
