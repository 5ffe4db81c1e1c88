package monosearch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Short random strings over a small alphabet: the awkward inputs a fast path must treat as its reference does. */
public final class RandomText {
    private RandomText() {
    }

    /** {@code count} strings of 0 to {@code maxLength - 1} code points of {@code alphabet}, the same for a seed. */
    public static List<String> strings(String alphabet, long seed, int count, int maxLength) {
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(maxLength);
            for (int k = 0; k < n; k++) {
                s.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }
}
