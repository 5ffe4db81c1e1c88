package monosearch.monograph;

import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Markdown nodes reduced to plain text: no markup, no link targets, no HTML tags. */
final class PlainText {
    // Only closed script and style elements are dropped: an unclosed one may have swallowed real text after it.
    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");

    private PlainText() {
    }

    /** Text of inline content (a heading or paragraph), on one line unless it has hard breaks. */
    static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            appendInline(n, out);
        }
        return tidy(out.toString());
    }

    /** Text of a block: paragraphs separated by a blank line, list items each on a line of their own. */
    static String block(Node block) {
        StringBuilder out = new StringBuilder();
        appendBlock(block, out);
        return out.toString().strip();
    }

    private static void appendBlock(Node block, StringBuilder out) {
        if (block instanceof Paragraph || block instanceof Heading) {
            out.append(inline(block));
        } else if (block instanceof ListBlock) {
            boolean first = true;
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                String itemText = listItem(item);
                if (itemText.isEmpty()) {
                    continue;
                }
                if (!first) {
                    out.append('\n');
                }
                out.append(itemText);
                first = false;
            }
        } else if (block instanceof BlockQuote) {
            joinChildren(block, "\n\n", out);
        } else if (block instanceof FencedCodeBlock code) {
            out.append(tidyLines(code.getLiteral()));
        } else if (block instanceof IndentedCodeBlock code) {
            out.append(tidyLines(code.getLiteral()));
        } else if (block instanceof HtmlBlock html) {
            out.append(tidyLines(stripHtml(html.getLiteral())));
        } else if (!(block instanceof ThematicBreak)) {
            joinChildren(block, "\n\n", out);
        }
    }

    private static String listItem(Node item) {
        if (!(item instanceof ListItem)) {
            return block(item);
        }
        StringBuilder out = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            String text = block(child);
            if (text.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(child instanceof ListBlock ? "\n" : " ");
            }
            out.append(text);
        }
        return out.toString();
    }

    private static void joinChildren(Node parent, String separator, StringBuilder out) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            String text = block(child);
            if (text.isEmpty()) {
                continue;
            }
            if (!first) {
                out.append(separator);
            }
            out.append(text);
            first = false;
        }
    }

    private static void appendInline(Node n, StringBuilder out) {
        if (n instanceof Text t) {
            out.append(t.getLiteral());
        } else if (n instanceof Code c) {
            out.append(c.getLiteral());
        } else if (n instanceof SoftLineBreak) {
            out.append(' ');
        } else if (n instanceof HardLineBreak) {
            out.append('\n');
        } else if (n instanceof HtmlInline html) {
            if (html.getLiteral().matches("(?i)<br\\s*/?>")) {
                out.append(' ');
            }
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                appendInline(c, out);
            }
        }
    }

    static String stripHtml(String html) {
        String noScripts = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
        return Entities.decode(TAG.matcher(noScripts).replaceAll(" "));
    }

    private static String tidyLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = tidy(line);
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    /** Runs of spaces (including no-break spaces) to one space, trimmed; line breaks kept. */
    static String tidy(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            String t = SPACES.matcher(line).replaceAll(" ").strip();
            if (t.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t);
        }
        return out.toString();
    }
}
