package monosearch.bench;

/**
 * One query of the benchmark's set.
 *
 * @param text what a user types
 * @param kind words, phrase, prefix, misspelling, drug+section, or file (from --queries)
 */
public record BenchQuery(String text, String kind) {
}
