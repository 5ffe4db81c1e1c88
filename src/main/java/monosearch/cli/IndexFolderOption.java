package monosearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option, the same for every command that reads or writes an index. */
final class IndexFolderOption {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:MONOSEARCH_INDEX:-index}",
            description = "Index folder (env MONOSEARCH_INDEX; default: ${DEFAULT-VALUE}).")
    Path index;
}
