package monosearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The index-time word splitting of {@link DrugTextAnalyzer}: token for token what {@link WordDelimiterGraphFilter}
 * with GENERATE_WORD_PARTS, GENERATE_NUMBER_PARTS, STEM_ENGLISH_POSSESSIVE and CATENATE_WORDS, followed by
 * {@code FlattenGraphFilter}, produces (same terms, position increments and lengths, offsets).
 *
 * <p>Why not those two filters: with these flags the graph is already flat (a joined word spans exactly the parts
 * it joins), yet FlattenGraphFilter buffers and copies every token, and the graph filter captures and restores the
 * whole attribute state for every part; together they were about a third of a full reindex. Here a word without
 * delimiters passes untouched, and a word with some has its parts written straight into the term.
 *
 * <p>The rules, as the graph filter applies them with these flags: leading and trailing delimiters go; the rest
 * splits into maximal runs of letters and digits (a letter-digit change never splits, so "b12" and "m2" stay
 * whole); "'s" after a letter and before a delimiter or the end is dropped; every part is emitted, and each run of
 * two or more parts that begins with a letter part also joined, placed before its first part and spanning the run
 * (a run ends at a digit part). Every part keeps the whole word's offsets. A word of delimiters only leaves a
 * position hole; FlattenGraphFilter merges consecutive holes into one, and so does this filter.
 */
final class FlatWordDelimiterFilter extends TokenFilter {
    // WordDelimiterIterator's character classes; its table and getType are public, these constants are not.
    private static final int ALPHA = WordDelimiterIterator.ALPHA;
    private static final int DIGIT = 0x04;
    private static final int DELIMITER = 0x08;
    private static final byte[] TYPES = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);

    // Parts of the current word still to emit: part i is the text chars[parts[4i]..parts[4i+1]) spanning the
    // positions parts[4i+2]..parts[4i+3] within the word.
    private int[] parts = new int[32];
    private int partCount;
    private int nextPart;
    private char[] chars = new char[64];
    private int charCount;

    // The word the parts come from.
    private int startOffset;
    private int endOffset;

    // The position increment of the next word, with those of the swallowed words before it.
    private int pendingPosInc;
    private int lastPosition;
    // The graph filter never lets a part's offsets go below the previous part's start offset.
    private int lastStartOffset;

    FlatWordDelimiterFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (true) {
            if (nextPart < partCount) {
                emitPart();
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            pendingPosInc += posInc.getPositionIncrement();
            char[] buffer = term.buffer();
            int length = term.length();
            if (length > 0 && !hasDelimiter(buffer, length)) {
                posInc.setPositionIncrement(takePendingPosInc());
                return true;
            }
            split(buffer, length);
            // A word of delimiters only: swallowed, its position left as a hole.
        }
    }

    private void emitPart() {
        int p = 4 * nextPart++;
        term.copyBuffer(chars, parts[p], parts[p + 1] - parts[p]);
        int start = Math.max(startOffset, lastStartOffset);
        offset.setOffset(start, Math.max(endOffset, lastStartOffset));
        lastStartOffset = start;
        posInc.setPositionIncrement(parts[p + 2] == 0 ? takePendingPosInc() : parts[p + 2] - lastPosition);
        lastPosition = parts[p + 2];
        posLen.setPositionLength(parts[p + 3] - parts[p + 2]);
    }

    /**
     * The position increment of a word's first token. FlattenGraphFilter leaves any run of holes (words of
     * delimiters only, such as "--") as a single hole, so the index has at most one empty position in a row.
     */
    private int takePendingPosInc() {
        int increment = Math.min(pendingPosInc, 2);
        pendingPosInc = 0;
        return increment;
    }

    /** Collects the parts and joined runs of a word that has delimiters, in the graph filter's order. */
    private void split(char[] text, int length) {
        partCount = 0;
        nextPart = 0;
        charCount = 0;
        lastPosition = 0;
        startOffset = offset.startOffset();
        endOffset = offset.endOffset();
        int begin = 0;
        while (begin < length && isDelimiter(text[begin])) {
            begin++;
        }
        int end = length;
        while (end > begin && isDelimiter(text[end - 1])) {
            end--;
        }
        int position = 0;
        int runType = 0;
        int runFirstPart = 0;
        int runStartPosition = 0;
        int runLength = 0;
        boolean skipPossessive = false;
        int current = begin;
        while (true) {
            if (skipPossessive) {
                current += 2;
                skipPossessive = false;
            }
            while (current < end && isDelimiter(text[current])) {
                current++;
            }
            if (current >= end) {
                break;
            }
            int partEnd = current + 1;
            while (partEnd < end && !isDelimiter(text[partEnd])) {
                partEnd++;
            }
            if (partEnd < end - 1 && isPossessive(text, partEnd + 2, end)) {
                skipPossessive = true;
            }
            int type = wordType(text[current]);
            if (runLength > 0 && (runType & type) == 0) {
                endRun(runFirstPart, runStartPosition, position, runLength);
                runLength = 0;
            }
            if ((type & ALPHA) != 0) {
                if (runLength == 0) {
                    runType = type;
                    runFirstPart = partCount;
                    runStartPosition = position;
                }
                runLength++;
            }
            addPart(text, current, partEnd, position);
            position++;
            current = partEnd;
        }
        if (runLength > 0) {
            endRun(runFirstPart, runStartPosition, position, runLength);
        }
    }

    private void addPart(char[] text, int from, int to, int position) {
        int start = charCount;
        appendChars(text, from, to - from);
        int p = reservePart(partCount);
        parts[p] = start;
        parts[p + 1] = charCount;
        parts[p + 2] = position;
        parts[p + 3] = position + 1;
    }

    /** A run of two or more word parts is also emitted joined, just before its first part. */
    private void endRun(int firstPart, int startPosition, int endPosition, int runLength) {
        if (runLength < 2) {
            return;
        }
        int start = charCount;
        for (int i = firstPart; i < partCount; i++) {
            // Only word parts are joined; a digit part can sit inside a run only after a surrogate-led part.
            int p = 4 * i;
            if ((wordType(chars[parts[p]]) & ALPHA) != 0) {
                appendChars(chars, parts[p], parts[p + 1] - parts[p]);
            }
        }
        int p = reservePart(firstPart);
        parts[p] = start;
        parts[p + 1] = charCount;
        parts[p + 2] = startPosition;
        parts[p + 3] = endPosition;
    }

    /** Makes room for a part at index i (shifting later ones), counts it, returns its slot. */
    private int reservePart(int i) {
        parts = ArrayUtil.grow(parts, 4 * (partCount + 1));
        System.arraycopy(parts, 4 * i, parts, 4 * i + 4, 4 * (partCount - i));
        partCount++;
        return 4 * i;
    }

    private void appendChars(char[] source, int from, int count) {
        chars = ArrayUtil.grow(chars, charCount + count);
        System.arraycopy(source, from, chars, charCount, count);
        charCount += count;
    }

    /** An English possessive ending at pos: a letter, then "'s", then a delimiter or the end of the word. */
    private static boolean isPossessive(char[] text, int pos, int end) {
        return pos > 2
                && text[pos - 2] == '\''
                && (text[pos - 1] == 's' || text[pos - 1] == 'S')
                && (charType(text[pos - 3]) & ALPHA) != 0
                && (pos == end || isDelimiter(text[pos]));
    }

    private static boolean hasDelimiter(char[] text, int length) {
        for (int i = 0; i < length; i++) {
            if (isDelimiter(text[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(char c) {
        return (charType(c) & DELIMITER) != 0;
    }

    private static int charType(char c) {
        return c < TYPES.length ? TYPES[c] : WordDelimiterIterator.getType(c);
    }

    /** The type of a part is the type of its first character, upper and lower case both counting as letters. */
    private static int wordType(char first) {
        int type = charType(first);
        return (type & ALPHA) != 0 && (type & DIGIT) == 0 ? ALPHA : type;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        partCount = 0;
        nextPart = 0;
        pendingPosInc = 0;
        lastStartOffset = 0;
    }
}
