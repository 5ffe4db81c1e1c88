package monosearch.cli;

import java.nio.file.Path;

/**
 * Where the corpus and the index are, and how the corpus is read.
 *
 * @param corpus       folder of monograph files
 * @param index        index folder
 * @param sections     section-name table to use instead of the bundled one, or null
 * @param maxFileBytes larger monograph files are skipped
 */
record IndexSettings(Path corpus, Path index, Path sections, long maxFileBytes) {
    static final long DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

    IndexSettings withIndex(Path other) {
        return new IndexSettings(corpus, other, sections, maxFileBytes);
    }
}
