package monosearch.monograph;

import java.nio.file.Path;

/**
 * A monograph file found in a corpus.
 *
 * @param path     where it is on disk
 * @param source   its path relative to the corpus root, '/'-separated; the file's identity in the index
 * @param slug     unique within the corpus
 * @param size     bytes, as listed by the file system
 * @param modified last-modified time in milliseconds, as listed by the file system
 */
public record CorpusFile(Path path, String source, String slug, long size, long modified) {
}
