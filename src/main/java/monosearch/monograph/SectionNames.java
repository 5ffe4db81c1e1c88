package monosearch.monograph;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The known sections of a monograph, and the heading variants (aliases) that map to each. */
public final class SectionNames {
    public static final String OVERVIEW = "Overview";

    /** Headings remembered, at most: enough for every variant a corpus repeats, bounded against odd files. */
    private static final int MAX_REMEMBERED = 10_000;
    /** Stands for "no known section" among the remembered headings; no canonical name is empty. */
    private static final String UNKNOWN = "";
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*\\d+(\\.\\d+)*\\.?\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern QUALIFIER = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");

    private final Map<String, String> canonicalByKey;
    private final List<String> canonicalNames;
    /**
     * Heading as written → canonical name or {@link #UNKNOWN}. The parser asks about every heading and bold label,
     * and the same few spellings come back in every file, while {@link #key} normalises Unicode and runs regular
     * expressions each time.
     */
    private final Map<String, String> remembered = new ConcurrentHashMap<>();
    /** Headings known only through a qualifier or a leading name, as {@link #remembered}; bounded by it too. */
    private final Map<String, String> qualified = new ConcurrentHashMap<>();

    private SectionNames(Map<String, String> canonicalByKey, List<String> canonicalNames) {
        this.canonicalByKey = Map.copyOf(canonicalByKey);
        this.canonicalNames = List.copyOf(canonicalNames);
    }

    /** The table shipped with monosearch. */
    public static SectionNames bundled() {
        return TableText.parseBundled("/monosearch/sections.txt", SectionNames::parse);
    }

    public static SectionNames load(Path file) throws BadTableException {
        return TableText.parseFile(file, SectionNames::parse);
    }

    public static SectionNames parse(String table) throws BadTableException {
        return parse(table, "sections table");
    }

    /** Lines of {@code Canonical: alias, alias}; blank lines and {@code #} comments are ignored. */
    public static SectionNames parse(String table, String name) throws BadTableException {
        Map<String, String> byKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String canonical = (colon < 0 ? line : line.substring(0, colon)).strip();
            if (canonical.isEmpty() || key(canonical).isEmpty()) {
                throw new BadTableException(name, n + 1, "expected 'Canonical Name: variant, variant', not '" + line + "'");
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

    /**
     * The canonical name for a heading, if it names a known section, also through a qualifier or an ingredient
     * named before it: "Generic Name (Not Applicable)", "Alprazolam (Generic Name)", "Cefixime Usage" and
     * "How it Works (Individual Components)" are sections of their kind.
     */
    public Optional<String> canonical(String heading) {
        String canonical = lookUp(heading);
        if (canonical.isEmpty()) {
            canonical = qualified.get(heading);
            if (canonical == null) {
                canonical = throughQualifiers(heading);
                if (qualified.size() < MAX_REMEMBERED) {
                    qualified.put(heading, canonical);
                }
            }
        }
        return canonical.isEmpty() ? Optional.empty() : Optional.of(canonical);
    }

    private String throughQualifiers(String heading) {
        Matcher m = QUALIFIER.matcher(heading);
        while (m.find()) {
            String inside = canonicalByKey.get(key(m.group(1)));
            if (inside != null) {
                return inside;
            }
        }
        String bare = key(QUALIFIER.matcher(heading).replaceAll(" "));
        String canonical = canonicalByKey.get(bare);
        if (canonical != null) {
            return canonical;
        }
        // The longest known section the heading ends with: an ingredient's name, then its section.
        String[] words = bare.split(" ");
        for (int i = 1; i < words.length; i++) {
            canonical = canonicalByKey.get(String.join(" ", Arrays.asList(words).subList(i, words.length)));
            if (canonical != null) {
                return canonical;
            }
        }
        return UNKNOWN;
    }

    public boolean isKnown(String heading) {
        return !lookUp(heading).isEmpty();
    }

    private String lookUp(String heading) {
        String canonical = remembered.get(heading);
        if (canonical == null) {
            canonical = canonicalByKey.getOrDefault(key(heading), UNKNOWN);
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(heading, canonical);
            }
        }
        return canonical;
    }

    public List<String> canonicalNames() {
        return canonicalNames;
    }

    /** Lower case, no accents, no leading numbering, "&" read as "and", punctuation as space. */
    static String key(String heading) {
        String s = MARKS.matcher(Normalizer.normalize(heading, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = NUMBERING.matcher(s).replaceFirst("");
        s = PUNCTUATION.matcher(s).replaceAll(" ").strip();
        return s;
    }
}
