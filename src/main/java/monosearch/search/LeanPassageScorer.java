package monosearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the distinct terms of a passage, times the position norm), computed without
 * the hash set the stock scorer builds for each passage: that set starts with a 32 KB block, allocated for
 * every candidate passage of every hit, and was two thirds of all the memory a search allocated. A passage
 * holds a handful of matches, so comparing them with each other costs less than hashing them.
 */
final class LeanPassageScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        int n = passage.getNumMatches();
        double score = 0;
        for (int i = 0; i < n; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int inPassage = 1;
            for (int j = i + 1; j < n; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    inPassage++;
                }
            }
            // Summed as the stock scorer sums: in order of first appearance, in double, so results round alike.
            score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) {
            if (terms[j].bytesEquals(terms[i])) {
                return true;
            }
        }
        return false;
    }
}
