package monosearch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import monosearch.monograph.TableText;

/**
 * The words the synthetic corpus and the default query set are made of: real drug names, side effects,
 * conditions and clinical terms, each list in order of how common its entries are (see vocabulary.txt).
 */
public final class Vocabulary {
    private final Map<String, List<String>> groups;

    private Vocabulary(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    /** The vocabulary bundled with monosearch. */
    public static Vocabulary bundled() {
        return parse(TableText.bundled("/monosearch/bench/vocabulary.txt"));
    }

    /** Lines under {@code [group]} headers; blank lines and {@code #} comments are ignored. */
    static Vocabulary parse(String text) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = groups.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        groups.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Vocabulary(frozen);
    }

    /** The entries of a group, most common first. */
    public List<String> group(String name) {
        List<String> list = groups.get(name);
        if (list == null || list.isEmpty()) {
            throw new IllegalStateException("the vocabulary has no [" + name + "] group");
        }
        return list;
    }

    public List<String> drugs() {
        return group("drugs");
    }

    public List<String> sideEffects() {
        return group("side-effects");
    }

    public List<String> conditions() {
        return group("conditions");
    }
}
