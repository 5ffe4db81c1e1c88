package monosearch.monograph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static FrontMatter parseYaml(String yaml, String body) {
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
        Optional<String> value = Optional.ofNullable(title)
                .map(t -> PlainText.tidy(Entities.decode(t.toString()).replace('\n', ' ')))
                .filter(t -> !t.isBlank());
        return new FrontMatter(value, body, Optional.empty());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().split("\n", 2)[0];
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
