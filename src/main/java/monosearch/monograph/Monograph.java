package monosearch.monograph;

import java.util.List;

/**
 * A parsed monograph.
 *
 * @param drug     display name: front matter title, else the first H1, else derived from the file name
 * @param slug     unique id of the monograph within the corpus (file name without extension)
 * @param source   path of the file relative to the corpus root, with '/' separators
 * @param sections in document order; never empty for a parsed file
 */
public record Monograph(String drug, String slug, String source, List<Section> sections) {
    public Monograph {
        sections = List.copyOf(sections);
    }
}
