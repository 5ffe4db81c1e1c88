package monosearch.monograph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Splits a monograph's markdown into sections.
 *
 * <p>Every heading below the title starts a section; nesting follows heading levels, so the shallowest level a
 * file uses is its top level. A paragraph opening with a bold label that names a known section
 * ({@code **Usage:** ...}) starts a sub-section of the current heading, as combination products are written.
 */
public final class MonographParser {
    private final SectionNames names;
    private final Parser markdown = Parser.builder().build();

    public MonographParser(SectionNames names) {
        this.names = names;
    }

    /** Parses decoded file text. Throws {@link UnusableFileException} when the file holds no text at all. */
    public ParsedMonograph parse(String slug, String source, SourceText file) {
        List<String> warnings = new ArrayList<>(file.warnings());
        FrontMatter front = FrontMatter.split(file.text());
        front.warning().ifPresent(warnings::add);

        Builder builder = new Builder();
        Node document = markdown.parse(front.body());
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            Optional<BoldLabel> label = block instanceof Paragraph paragraph ? boldLabel(paragraph) : Optional.empty();
            if (block instanceof Heading heading) {
                builder.heading(heading.getLevel(), PlainText.inline(heading));
            } else if (label.isPresent()) {
                builder.label(label.get().name(), label.get().rest());
            } else if (block instanceof ListBlock list && builder.underUnknownHeading() && hasLabelledItem(list)) {
                labelledItems(list, builder);
            } else {
                builder.text(PlainText.block(block));
            }
        }
        String drug = front.title().or(builder::title).orElseGet(() -> nameFromSlug(slug));
        List<Section> sections = builder.sections();
        if (sections.isEmpty()) {
            throw new UnusableFileException("no text besides the front matter");
        }
        return new ParsedMonograph(new Monograph(drug, slug, source, sections), warnings);
    }

    private record BoldLabel(String name, String rest) {
    }

    private boolean hasLabelledItem(ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item.getFirstChild() instanceof Paragraph p && boldLabel(p).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** "* **Usage:** ..." items under an ingredient heading start sub-sections, as labelled paragraphs do. */
    private void labelledItems(ListBlock list, Builder builder) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Optional<BoldLabel> label = item.getFirstChild() instanceof Paragraph p ? boldLabel(p) : Optional.empty();
            if (label.isEmpty()) {
                builder.text(PlainText.block(item));
                continue;
            }
            builder.label(label.get().name(), label.get().rest());
            for (Node more = item.getFirstChild().getNext(); more != null; more = more.getNext()) {
                builder.text(PlainText.block(more));
            }
        }
    }

    /** "**Usage:** text" or "**Usage**: text", where Usage is a known section. */
    private Optional<BoldLabel> boldLabel(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof StrongEmphasis strong)) {
            return Optional.empty();
        }
        String label = PlainText.inline(strong);
        Node after = strong.getNext();
        boolean colon = label.endsWith(":");
        if (!colon && after instanceof Text text && text.getLiteral().stripLeading().startsWith(":")) {
            colon = true;
        }
        String name = stripTrailingColons(label);
        if (!colon || name.isEmpty() || !names.isKnown(name)) {
            return Optional.empty();
        }
        String whole = PlainText.block(paragraph);
        String rest = whole.startsWith(label) ? whole.substring(label.length()) : whole;
        rest = rest.stripLeading();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).stripLeading();
        }
        return Optional.of(new BoldLabel(name, rest));
    }

    static String stripTrailingColons(String heading) {
        String s = heading.strip();
        while (s.endsWith(":") || s.endsWith("：")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String nameFromSlug(String slug) {
        String words = slug.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) {
            return slug;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** Collects sections while the blocks of a document stream by. */
    private final class Builder {
        private record Open(int markdownLevel, String heading, String anchor) {
        }

        private final Anchors anchors = new Anchors();
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<Draft> drafts = new ArrayList<>();
        private String title;
        private String titleAnchor = "";
        private boolean sawHeading;
        private Draft current;

        void heading(int level, String rawText) {
            if (!sawHeading && level == 1 && noTextYet()) {
                sawHeading = true;
                title = rawText.isBlank() ? null : stripTrailingColons(rawText);
                titleAnchor = anchors.next(rawText);
                return;
            }
            sawHeading = true;
            String anchor = anchors.next(rawText);
            String heading = stripTrailingColons(rawText);
            String value = "";
            int colon = heading.indexOf(':');
            if (colon > 0 && names.isKnown(heading.substring(0, colon))) {
                value = heading.substring(colon + 1).strip();
                heading = heading.substring(0, colon).strip();
            }
            if (heading.isEmpty()) {
                heading = "Section " + (drafts.size() + 1);
            }
            while (!open.isEmpty() && open.peek().markdownLevel() >= level) {
                open.pop();
            }
            open.push(new Open(level, heading, anchor));
            current = new Draft(openPath(), anchor);
            drafts.add(current);
            current.append(value);
        }

        private boolean noTextYet() {
            for (Draft d : drafts) {
                if (d.text.length() > 0) {
                    return false;
                }
            }
            return true;
        }

        void label(String name, String rest) {
            List<String> path = openPath();
            path.add(name);
            String anchor = open.isEmpty() ? titleAnchor : open.peek().anchor();
            current = new Draft(path, anchor);
            drafts.add(current);
            current.append(rest);
        }

        void text(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (current == null) {
                current = new Draft(new ArrayList<>(List.of(SectionNames.OVERVIEW)), titleAnchor);
                drafts.add(current);
            }
            current.append(text);
        }

        /** Under a heading that names no known section, such as one ingredient of a combination product. */
        boolean underUnknownHeading() {
            return !open.isEmpty() && !names.isKnown(open.peek().heading());
        }

        Optional<String> title() {
            return Optional.ofNullable(title);
        }

        List<Section> sections() {
            List<Section> sections = new ArrayList<>();
            for (Draft d : drafts) {
                sections.add(new Section(sectionName(d.path), d.path.get(d.path.size() - 1), d.path, d.anchor,
                        d.path.size(), sections.size(), d.text.toString()));
            }
            return sections;
        }

        private String sectionName(List<String> path) {
            Optional<String> canonical = names.canonical(path);
            if (canonical.isPresent()) {
                return canonical.get();
            }
            if (title != null && (" " + SectionNames.key(title) + " ").contains(" " + SectionNames.key(path.get(0)) + " ")) {
                // One ingredient of a combination ("### Alprazolam"): what that ingredient is.
                return SectionNames.OVERVIEW;
            }
            return path.get(0);
        }

        private List<String> openPath() {
            List<String> path = new ArrayList<>();
            open.descendingIterator().forEachRemaining(o -> path.add(o.heading()));
            return path;
        }
    }

    private static final class Draft {
        final List<String> path;
        final String anchor;
        final StringBuilder text = new StringBuilder();

        Draft(List<String> path, String anchor) {
            this.path = path;
            this.anchor = anchor;
        }

        void append(String more) {
            if (more.isEmpty()) {
                return;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(more);
        }
    }
}
