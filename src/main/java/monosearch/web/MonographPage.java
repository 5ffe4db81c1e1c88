package monosearch.web;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import monosearch.search.Html;

/**
 * A monograph as a readable HTML page: the sections in order, a table of contents, and on each heading the id
 * the published site gives it, so {@code url#anchor} from a hit lands on the section. All text is escaped.
 */
final class MonographPage {
    private MonographPage() {
    }

    /** @param matched the words a search matched in this monograph, which the page's script marks */
    static String render(Monograph m, Set<String> matched) {
        StringBuilder out = new StringBuilder(8192);
        appendTop(out, m.drug(), true);
        out.append("<article class=\"monograph\" data-slug=\"")
                .append(Html.escape(m.slug())).append("\" data-matched=\"")
                .append(Html.escape(matched.stream().map(Json::quote).collect(Collectors.joining(",", "[", "]"))))
                .append("\">\n<h1>").append(Html.escape(m.drug())).append("</h1>\n")
                .append("<p class=\"source\">Source file: <code>").append(Html.escape(m.source())).append("</code></p>\n");
        appendContents(out, m);
        Set<String> usedIds = new HashSet<>();
        for (Section s : m.sections()) {
            appendSection(out, s, usedIds);
        }
        out.append("</article>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The page a browser gets for a slug no monograph has: a way back to the search, not an API error. */
    static String notFound(String slug) {
        StringBuilder out = new StringBuilder(2048);
        appendTop(out, "No such monograph", false);
        out.append("<article class=\"monograph\">\n<h1>No such monograph</h1>\n<p>There is no monograph <code>")
                .append(Html.escape(slug)).append("</code> in the index. It may have been renamed or removed; ")
                .append("<a href=\"/\">search for it</a> instead.</p>\n</article>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Head, top bar with the search box, and the opening of the main element. */
    private static void appendTop(StringBuilder out, String title, boolean script) {
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" — monosearch</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/style.css\">\n")
                .append("<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"monosearch\" href=\"/opensearch.xml\">\n");
        if (script) {
            out.append("<script src=\"/assets/monograph.js\" defer></script>\n");
        }
        out.append("</head>\n<body class=\"monograph-page\">\n")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
                .append("<header class=\"topbar\"><a class=\"brand\" href=\"/\">monosearch</a>")
                .append("<form class=\"topbar-search\" action=\"/\" method=\"get\" role=\"search\">")
                .append("<label class=\"visually-hidden\" for=\"top-q\">Search monographs</label>")
                .append("<input id=\"top-q\" name=\"q\" type=\"search\" placeholder=\"Search monographs\" autocomplete=\"off\">")
                .append("</form></header>\n<main id=\"main\">\n");
    }

    private static void appendContents(StringBuilder out, Monograph m) {
        out.append("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n");
        Set<String> seen = new HashSet<>();
        for (Section s : m.sections()) {
            if (s.anchor().isEmpty() || !seen.add(s.anchor())) {
                continue;
            }
            out.append("<li class=\"toc-level-").append(Math.min(s.level(), 3)).append("\"><a href=\"#")
                    .append(Html.escape(s.anchor())).append("\">").append(Html.escape(s.heading())).append("</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private static void appendSection(StringBuilder out, Section s, Set<String> usedIds) {
        boolean ownsId = !s.anchor().isEmpty() && usedIds.add(s.anchor());
        int level = Math.min(s.level() + 1, 6);
        out.append("<section class=\"section\" data-section=\"").append(Html.escape(s.name())).append('"');
        if (ownsId) {
            out.append(" id=\"").append(Html.escape(s.anchor())).append('"');
        }
        out.append(">\n");
        if (s.path().size() > 1) {
            out.append("<p class=\"breadcrumb\">").append(Html.escape(String.join(" › ", s.path()))).append("</p>\n");
        }
        out.append("<h").append(level).append('>').append(Html.escape(s.heading())).append("</h").append(level).append(">\n");
        for (String paragraph : s.text().split("\n\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            String[] lines = paragraph.split("\n");
            if (lines.length == 1) {
                out.append("<p>").append(Html.escape(lines[0])).append("</p>\n");
            } else {
                out.append("<ul>\n");
                for (String line : lines) {
                    out.append("<li>").append(Html.escape(line)).append("</li>\n");
                }
                out.append("</ul>\n");
            }
        }
        out.append("</section>\n");
    }
}
