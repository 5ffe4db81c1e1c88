package monosearch.monograph;

import java.util.List;

/**
 * One section of a monograph.
 *
 * @param name     canonical section name ("Side Effects"), or the top-level heading when no known section is on the path
 * @param heading  the section's own heading, cleaned of markup and trailing colons
 * @param path     the headings from the top level down to this one
 * @param anchor   the id the published site gives the heading (GitHub rule), "" where there is none
 * @param level    depth in the monograph, 1 for a top-level section
 * @param position order of the section in the monograph, from 0
 * @param text     plain text: paragraphs separated by a blank line, list items by a line break
 */
public record Section(String name, String heading, List<String> path, String anchor, int level, int position, String text) {
    public Section {
        path = List.copyOf(path);
    }
}
