package monosearch.monograph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");

    private PlainText() {
    }

    /** Past this nesting depth (quotes in quotes, lists in lists...) the text is collected flat. */
    static final int MAX_DEPTH = 64;

    /** Text of inline content (a heading or paragraph), on one line unless it has hard breaks. */
    static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            appendInline(n, out, 0);
        }
        return tidy(out.toString());
    }

    /** Text of a block: paragraphs separated by a blank line, list items each on a line of their own. */
    static String block(Node block) {
        return block(block, 0);
    }

    private static String block(Node block, int depth) {
        StringBuilder out = new StringBuilder();
        appendBlock(block, out, depth);
        return out.toString().strip();
    }

    /**
     * Every literal below a node, without recursion: a hostile file nesting thousands of levels deep is read
     * as plain words instead of overflowing the stack.
     */
    private static String flat(Node root) {
        StringBuilder out = new StringBuilder();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Text t) {
                out.append(t.getLiteral()).append(' ');
            } else if (n instanceof Code c) {
                out.append(c.getLiteral()).append(' ');
            } else if (n instanceof FencedCodeBlock f) {
                out.append(f.getLiteral()).append(' ');
            } else if (n instanceof IndentedCodeBlock i) {
                out.append(i.getLiteral()).append(' ');
            }
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int k = children.size() - 1; k >= 0; k--) {
                todo.push(children.get(k));
            }
        }
        return tidy(out.toString().replace('\n', ' '));
    }

    private static void appendBlock(Node block, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            out.append(flat(block));
        } else if (block instanceof Paragraph || block instanceof Heading) {
            out.append(inline(block));
        } else if (block instanceof ListBlock) {
            boolean first = true;
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                String itemText = listItem(item, depth + 1);
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
            joinChildren(block, "\n\n", out, depth + 1);
        } else if (block instanceof FencedCodeBlock code) {
            out.append(tidyLines(code.getLiteral()));
        } else if (block instanceof IndentedCodeBlock code) {
            out.append(tidyLines(code.getLiteral()));
        } else if (block instanceof HtmlBlock html) {
            out.append(tidyLines(stripHtml(html.getLiteral())));
        } else if (!(block instanceof ThematicBreak)) {
            joinChildren(block, "\n\n", out, depth + 1);
        }
    }

    private static String listItem(Node item, int depth) {
        if (!(item instanceof ListItem)) {
            return block(item, depth);
        }
        StringBuilder out = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            String text = block(child, depth + 1);
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

    private static void joinChildren(Node parent, String separator, StringBuilder out, int depth) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            String text = block(child, depth);
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

    private static void appendInline(Node n, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            out.append(flat(n));
        } else if (n instanceof Text t) {
            out.append(t.getLiteral());
        } else if (n instanceof Code c) {
            out.append(c.getLiteral());
        } else if (n instanceof SoftLineBreak) {
            out.append(' ');
        } else if (n instanceof HardLineBreak) {
            out.append('\n');
        } else if (n instanceof HtmlInline html) {
            if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
                out.append(' ');
            }
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                appendInline(c, out, depth + 1);
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

    /**
     * Runs of spaces (including no-break spaces) to one space, each line trimmed, empty lines dropped. A character
     * loop: it runs for every heading, paragraph and list item.
     */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            appendTidyLine(text, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    /** One line of {@link #tidy}: trimmed of white space (a space run counts as a space), inner space runs to one. */
    private static void appendTidyLine(String text, int start, int end, StringBuilder out) {
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return;
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        boolean inRun = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
    }

    /** The characters that {@link #tidy} collapses: space, tab, no-break spaces. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** What String.strip removes, once space runs have become a space. */
    private static boolean isBlank(char c) {
        return isSpace(c) || Character.isWhitespace(c);
    }
}
