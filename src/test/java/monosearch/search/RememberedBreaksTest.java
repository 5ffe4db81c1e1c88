package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RememberedBreaksTest {
    private static final String[] PIECES = {"Take it with food. ", "Do not drive! ", "Is it safe? ", "e.g. twice daily ",
            "Nausea\n", "vomiting\n\n", "Dizziness (mild, etc.). ", "Dr. Smith said so. ", "Rash", " ", "\n"};

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static List<Integer> forward(String text) {
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        jdk.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
            out.add(b);
        }
        return out;
    }

    @Test
    void walksForwardAsTheJdkIteratorDoes() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            String text = text(random);
            BreakIterator remembered = new RememberedBreaks(BreakIterator.getSentenceInstance(Locale.ROOT));
            remembered.setText(text);
            List<Integer> mine = new ArrayList<>();
            for (int b = remembered.first(); b != BreakIterator.DONE; b = remembered.next()) {
                mine.add(b);
            }
            assertEquals(forward(text), mine, text);
        }
    }

    @Test
    void answersFollowingAsTheJdkIteratorAndPrecedingFromTheForwardBoundaries() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            String text = text(random);
            List<Integer> breaks = forward(text);
            BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
            jdk.setText(text);
            BreakIterator remembered = new RememberedBreaks(BreakIterator.getSentenceInstance(Locale.ROOT));
            remembered.setText(text);
            for (int step = 0; step < 50; step++) {
                int offset = random.nextInt(text.length() + 1);
                if (random.nextBoolean()) {
                    assertEquals(jdk.following(offset), remembered.following(offset), text + " @" + offset);
                } else {
                    int expected = BreakIterator.DONE;
                    for (int b : breaks) {
                        if (b < offset) {
                            expected = b;
                        }
                    }
                    assertEquals(expected, remembered.preceding(offset), text + " @" + offset);
                }
            }
            assertEquals(text.length(), remembered.last());
            assertEquals(0, remembered.first());
        }
    }
}
