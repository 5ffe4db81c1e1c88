package monosearch.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * The boundaries of another break iterator, found walking forward only and remembered. The JDK's sentence
 * iterator answers {@code preceding} by stepping back to a safe point and scanning forward again, and the
 * highlighter asks it {@code preceding} and {@code following} around every match: most of a search's snippet
 * time. Walking forward once gives the same boundaries, and every later question is a binary search.
 */
final class RememberedBreaks extends BreakIterator {
    private BreakIterator base;
    private CharacterIterator text = new StringCharacterIterator("");
    private int[] breaks = new int[32];
    /** Boundaries found so far, in order; the first is the text's start. */
    private int known;
    /** Whether the base has walked to the end of the text. */
    private boolean complete;
    /** Index of the current boundary in {@link #breaks}. */
    private int current;

    RememberedBreaks(BreakIterator base) {
        this.base = base;
        reset();
    }

    private void reset() {
        known = 0;
        complete = false;
        current = 0;
        breaks[known++] = base.first();
    }

    /** Walks the base forward by one boundary; false at the end of the text. */
    private boolean walk() {
        if (complete) {
            return false;
        }
        int next = base.next();
        if (next == DONE) {
            complete = true;
            return false;
        }
        if (known == breaks.length) {
            breaks = Arrays.copyOf(breaks, known * 2);
        }
        breaks[known++] = next;
        return true;
    }

    private void checkOffset(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset out of bounds");
        }
    }

    @Override
    public int first() {
        current = 0;
        return breaks[0];
    }

    @Override
    public int last() {
        while (walk()) {
            // to the end
        }
        current = known - 1;
        return breaks[current];
    }

    @Override
    public int next(int n) {
        int result = current();
        while (n > 0) {
            result = next();
            n--;
        }
        while (n < 0) {
            result = previous();
            n++;
        }
        return result;
    }

    @Override
    public int next() {
        if (current + 1 >= known && !walk()) {
            return DONE;
        }
        return breaks[++current];
    }

    @Override
    public int previous() {
        return current == 0 ? DONE : breaks[--current];
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        while (breaks[known - 1] <= offset && walk()) {
            // until a boundary after the offset is known
        }
        int i = firstAbove(offset);
        if (i == known) {
            // The offset is the end of the text: no boundary follows it.
            current = known - 1;
            return DONE;
        }
        current = i;
        return breaks[i];
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        while (breaks[known - 1] < offset && walk()) {
            // until every boundary before the offset is known
        }
        int i = firstAbove(offset - 1) - 1;
        if (i < 0) {
            current = 0;
            return DONE;
        }
        current = i;
        return breaks[i];
    }

    /** The index of the first known boundary greater than {@code offset}; {@link #known} when there is none. */
    private int firstAbove(int offset) {
        int i = Arrays.binarySearch(breaks, 0, known, offset + 1);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public int current() {
        return breaks[current];
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public void setText(String newText) {
        setText(new StringCharacterIterator(newText));
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        base.setText(newText);
        reset();
    }

    @Override
    public Object clone() {
        RememberedBreaks copy = (RememberedBreaks) super.clone();
        copy.base = (BreakIterator) base.clone();
        copy.text = (CharacterIterator) text.clone();
        copy.breaks = breaks.clone();
        return copy;
    }
}
