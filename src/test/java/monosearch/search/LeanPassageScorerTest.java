package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {
    private static final String[] WORDS = {"nausea", "vomiting", "rash", "leak", "capillary", "dose"};

    @Test
    void scoresEveryPassageExactlyAsLucenesScorerDoes() {
        PassageScorer stock = new PassageScorer();
        LeanPassageScorer lean = new LeanPassageScorer();
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int start = random.nextInt(5_000);
            int matches = random.nextInt(12);
            Passage p = new Passage();
            p.setStartOffset(start);
            p.setEndOffset(start + 1_000);
            int offset = start;
            for (int i = 0; i < matches; i++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                p.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + random.nextInt(20));
                offset += word.length() + 1 + random.nextInt(30);
            }
            int contentLength = start + 1_000 + random.nextInt(10_000);
            assertEquals(stock.score(p, contentLength), lean.score(p, contentLength), "passage " + round);
        }
    }
}
