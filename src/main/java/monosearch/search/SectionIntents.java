package monosearch.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import monosearch.monograph.BadTableException;
import monosearch.monograph.TableText;

/** Query words that ask for a kind of section ("dose", "side effects", "how does it work"). */
public final class SectionIntents {
    /**
     * A phrase (as folded words) and the sections it asks for, most wanted first.
     *
     * @param keepsWords the phrase is also what to find ("beta blocker" steers to How it Works and must match),
     *                   where an asking phrase ("side effects of") is only a question about a section
     */
    record Intent(List<String> words, List<String> sections, boolean keepsWords) {
    }

    /**
     * Query words [start, end) asked for these sections; {@code keepsWords} as its {@link Intent}.
     *
     * @param words the phrase as matched, folded
     */
    record Match(int start, int end, List<String> sections, boolean keepsWords, String words) {
    }

    private final List<Intent> intents;

    private SectionIntents(List<Intent> intents) {
        List<Intent> sorted = new ArrayList<>(intents);
        sorted.sort(Comparator.comparingInt((Intent i) -> -i.words().size()));
        this.intents = List.copyOf(sorted);
    }

    public static SectionIntents bundled() {
        return TableText.parseBundled("/monosearch/intents.txt", SectionIntents::parse);
    }

    public static SectionIntents load(Path file) throws BadTableException {
        return TableText.parseFile(file, SectionIntents::parse);
    }

    /**
     * Lines of {@code words, words => Section, Section} (or {@code ~>}, where the words are also to be found);
     * blank lines and {@code #} comments are ignored, any other line is an error naming it.
     */
    static SectionIntents parse(String table, String name) throws BadTableException {
        List<Intent> intents = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int steer = line.indexOf("~>");
            int arrow = steer >= 0 ? steer : line.indexOf("=>");
            List<String> sections = new ArrayList<>();
            List<List<String>> phrases = new ArrayList<>();
            if (arrow >= 0) {
                for (String s : line.substring(arrow + 2).split(",")) {
                    if (!s.isBlank()) {
                        sections.add(s.strip());
                    }
                }
                for (String phrase : line.substring(0, arrow).split(",")) {
                    List<String> words = Words.split(phrase);
                    if (!words.isEmpty()) {
                        phrases.add(words);
                    }
                }
            }
            if (sections.isEmpty() || phrases.isEmpty()) {
                throw new BadTableException(name, n + 1, "expected 'words, words => Section, Section', not '" + line + "'");
            }
            phrases.forEach(words -> intents.add(new Intent(words, sections, steer >= 0)));
        }
        return new SectionIntents(intents);
    }

    /** Intent phrases in the words, longest first, not overlapping each other or the given taken words. */
    List<Match> find(List<String> words, boolean[] taken) {
        List<Match> found = new ArrayList<>();
        boolean[] used = taken.clone();
        for (Intent intent : intents) {
            int n = intent.words().size();
            for (int i = 0; i + n <= words.size(); i++) {
                if (free(used, i, n) && words.subList(i, i + n).equals(intent.words())) {
                    found.add(new Match(i, i + n, intent.sections(), intent.keepsWords(), String.join(" ", intent.words())));
                    for (int k = i; k < i + n; k++) {
                        used[k] = true;
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    private static boolean free(boolean[] used, int start, int n) {
        for (int k = start; k < start + n; k++) {
            if (used[k]) {
                return false;
            }
        }
        return true;
    }
}
