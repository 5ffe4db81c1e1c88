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
    private final Map<String, Reading> qualified = new ConcurrentHashMap<>();

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
     * The canonical name for a heading on its own (as a top-level heading), if it names a known section, also through
     * a qualifier or an ingredient named before it: "Generic Name (Not Applicable)", "Alprazolam (Generic Name)",
     * "Cefixime Usage" and "How it Works (Individual Components)" are sections of their kind.
     */
    public Optional<String> canonical(String heading) {
        return canonical(List.of(heading));
    }

    /**
     * The section a heading path (top-level heading first) belongs to: the deepest heading that names a known section.
     * A heading is read through its last words ("Cefixime Usage": a name, then its section) only where no heading
     * above it names a section: under "Warnings and Precautions", "Not for Acute Use" and "Contact Lens Use" are
     * warnings about a use, not Usage sections. Nor is a heading that names several sections ("Dosage, Side Effects
     * and FAQs") read as its last one.
     */
    public Optional<String> canonical(List<String> path) {
        String canonical = UNKNOWN;
        for (String heading : path) {
            Reading reading = reading(heading);
            if (!reading.plain().isEmpty()) {
                canonical = reading.plain();
            } else if (canonical.isEmpty()) {
                canonical = reading.afterName();
            }
        }
        return canonical.isEmpty() ? Optional.empty() : Optional.of(canonical);
    }

    /** A heading's section read plainly (the heading, a qualifier, the heading without qualifiers), or after a name. */
    private record Reading(String plain, String afterName) {}

    private Reading reading(String heading) {
        String plain = lookUp(heading);
        if (!plain.isEmpty()) {
            return new Reading(plain, UNKNOWN);
        }
        Reading reading = qualified.get(heading);
        if (reading == null) {
            reading = throughQualifiers(heading);
            if (qualified.size() < MAX_REMEMBERED) {
                qualified.put(heading, reading);
            }
        }
        return reading;
    }

    private Reading throughQualifiers(String heading) {
        Matcher m = QUALIFIER.matcher(heading);
        while (m.find()) {
            String inside = canonicalByKey.get(key(m.group(1)));
            if (inside != null) {
                return new Reading(inside, UNKNOWN);
            }
        }
        String bare = key(QUALIFIER.matcher(heading).replaceAll(" "));
        String canonical = canonicalByKey.get(bare);
        if (canonical != null) {
            return new Reading(canonical, UNKNOWN);
        }
        // The longest known section the heading ends with, after words that name no section: an ingredient's name.
        List<String> words = Arrays.asList(bare.split(" "));
        for (int i = 1; i < words.size(); i++) {
            canonical = canonicalByKey.get(String.join(" ", words.subList(i, words.size())));
            if (canonical != null) {
                return new Reading(UNKNOWN, namesASection(words.subList(0, i)) ? UNKNOWN : canonical);
            }
        }
        return new Reading(UNKNOWN, UNKNOWN);
    }

    /** Whether any run of these words is a known section name or variant. */
    private boolean namesASection(List<String> words) {
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 1; to <= words.size(); to++) {
                if (canonicalByKey.containsKey(String.join(" ", words.subList(from, to)))) {
                    return true;
                }
            }
        }
        return false;
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
