package monosearch.bench;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws entries of a ranked list with a Zipf-like distribution: rank k has weight 1/k^s. A real corpus names a
 * few side effects (nausea, headache) everywhere and most of them rarely; uniform draws would make every term
 * equally common and every postings list equally long.
 */
final class Zipf<T> {
    private final List<T> items;
    private final double[] cumulative;

    Zipf(List<T> items, double exponent) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int k = 0; k < items.size(); k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    T next(RandomGenerator random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = i >= 0 ? i : -i - 1;
        return items.get(Math.min(rank, items.size() - 1));
    }

    int size() {
        return items.size();
    }
}
