package monosearch.monograph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The known sections of a monograph, and the heading variants (aliases) that map to each. */
public final class SectionNames {
    public static final String OVERVIEW = "Overview";

    private final Map<String, String> canonicalByKey;
    private final List<String> canonicalNames;

    private SectionNames(Map<String, String> canonicalByKey, List<String> canonicalNames) {
        this.canonicalByKey = Map.copyOf(canonicalByKey);
        this.canonicalNames = List.copyOf(canonicalNames);
    }

    /** The table shipped with monosearch. */
    public static SectionNames bundled() {
        try (InputStream in = SectionNames.class.getResourceAsStream("/monosearch/sections.txt")) {
            if (in == null) {
                throw new IllegalStateException("sections.txt is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled sections.txt", e);
        }
    }

    public static SectionNames load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Lines of {@code Canonical: alias, alias}; blank lines and {@code #} comments are ignored. */
    public static SectionNames parse(String table) {
        Map<String, String> byKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String raw : table.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String canonical = (colon < 0 ? line : line.substring(0, colon)).strip();
            if (canonical.isEmpty()) {
                continue;
            }
            names.add(canonical);
            byKey.putIfAbsent(key(canonical), canonical);
            if (colon >= 0) {
                for (String alias : line.substring(colon + 1).split(",")) {
                    if (!alias.isBlank()) {
                        byKey.putIfAbsent(key(alias), canonical);
                    }
                }
            }
        }
        return new SectionNames(byKey, names);
    }

    /** The canonical name for a heading, if it names a known section. */
    public Optional<String> canonical(String heading) {
        return Optional.ofNullable(canonicalByKey.get(key(heading)));
    }

    public boolean isKnown(String heading) {
        return canonicalByKey.containsKey(key(heading));
    }

    public List<String> canonicalNames() {
        return canonicalNames;
    }

    /** Lower case, no accents, no leading numbering, "&" read as "and", punctuation as space. */
    static String key(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = s.replaceFirst("^\\s*\\d+(\\.\\d+)*\\.?\\s+", "");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s;
    }
}
