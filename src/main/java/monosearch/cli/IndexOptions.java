package monosearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the corpus and the index are, shared by the commands that use them. */
final class IndexOptions {
    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:MONOSEARCH_CORPUS:-corpus}",
            description = "Folder of monograph markdown files (env MONOSEARCH_CORPUS; default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Mixin
    IndexFolderOption folder;

    @Option(names = "--sections", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_SECTIONS}",
            description = "Section-name table (canonical names and their aliases) to use instead of the bundled one "
                    + "(env MONOSEARCH_SECTIONS).")
    Path sections;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "2097152",
            description = "Monograph files larger than this are skipped (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    IndexSettings settings() {
        return new IndexSettings(corpus, folder.index, sections, maxFileBytes);
    }
}
