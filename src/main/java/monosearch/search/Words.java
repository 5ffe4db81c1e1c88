package monosearch.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Plain word handling for names and intents: lower case, accents folded, split on anything not a letter or digit. */
final class Words {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    static String fold(String text) {
        if (isAscii(text)) {
            // Nothing to decompose or strip: most names and queries, at a fraction of the cost.
            return text.toLowerCase(Locale.ROOT);
        }
        String s = text.replace('’', '\'').replace("²", "2").replace("³", "3");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        return MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String w : SEPARATORS.split(fold(text))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The word and every form of it with one letter deleted: two words one edit apart share one of these. */
    static Set<String> withDeletions(String w) {
        Set<String> out = new HashSet<>();
        out.add(w);
        for (int i = 0; i < w.length(); i++) {
            out.add(w.substring(0, i) + w.substring(i + 1));
        }
        return out;
    }

    /**
     * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
     * giving up (returning max + 1) once it must exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
