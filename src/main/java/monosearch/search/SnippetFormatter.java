package monosearch.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Renders the best passage as HTML-safe text of about {@code maxChars}, centred on the first match: text
 * escaped, matches (a phrase is one match) wrapped in {@code <mark>}, cuts shown with an ellipsis. List items
 * (one per line in the section text) are joined with " · ".
 */
final class SnippetFormatter extends PassageFormatter {
    private static final int LEAD = 60;
    private final int maxChars;

    SnippetFormatter(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return "";
        }
        Passage p = passages[0];
        int[][] spans = mergedMatches(p, content);
        int start = p.getStartOffset();
        int end = p.getEndOffset();
        if (end - start > maxChars) {
            if (spans.length > 0) {
                start = Math.max(start, spans[0][0] - LEAD);
            }
            end = Math.min(end, start + maxChars);
        }
        start = wordStart(content, start, p.getStartOffset());
        end = wordEnd(content, end, p.getEndOffset());
        StringBuilder out = new StringBuilder(end - start + 40);
        if (start > 0) {
            out.append("… ");
        }
        int pos = start;
        for (int[] span : spans) {
            int s = Math.max(span[0], start);
            int e = Math.min(span[1], end);
            if (s >= e) {
                continue;
            }
            appendText(out, content, pos, s);
            out.append("<mark>");
            appendText(out, content, s, e);
            out.append("</mark>");
            pos = e;
        }
        appendText(out, content, pos, end);
        if (end < content.length()) {
            out.append(" …");
        }
        return out.toString().strip();
    }

    private static boolean onlySpaceBetween(String content, int from, int to) {
        for (int i = from; i < to; i++) {
            if (content.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int[][] mergedMatches(Passage p, String content) {
        int n = p.getNumMatches();
        int[][] spans = new int[n][];
        for (int i = 0; i < n; i++) {
            // A token's offsets may include punctuation glued to the word ("leak:"); mark the word only.
            int start = p.getMatchStarts()[i];
            int end = p.getMatchEnds()[i];
            while (start < end && !Character.isLetterOrDigit(content.charAt(start))) {
                start++;
            }
            while (end > start && !Character.isLetterOrDigit(content.charAt(end - 1))) {
                end--;
            }
            spans[i] = new int[] {start, end};
        }
        Arrays.sort(spans, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : spans) {
            // Overlapping matches, and matched words with only a space between them, are one phrase: one mark.
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1] + 1
                    && onlySpaceBetween(content, merged.get(merged.size() - 1)[1], s[0])) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s);
            }
        }
        return merged.toArray(new int[0][]);
    }

    private static int wordStart(String content, int pos, int floor) {
        if (pos <= floor) {
            return floor;
        }
        int i = pos;
        while (i > floor && i > pos - 20 && !Character.isWhitespace(content.charAt(i - 1))) {
            i--;
        }
        return Character.isWhitespace(content.charAt(Math.max(i - 1, 0))) || i == floor ? i : pos;
    }

    private static int wordEnd(String content, int pos, int ceiling) {
        if (pos >= ceiling) {
            return ceiling;
        }
        int i = pos;
        while (i < ceiling && i < pos + 20 && !Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void appendText(StringBuilder out, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            if (c == '\n') {
                out.append(" · ");
                if (i + 1 < to && content.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                Html.append(out, c);
            }
        }
    }
}
