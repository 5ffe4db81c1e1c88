package monosearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import monosearch.search.LiveIndex;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index from the command line and print the top hits, one per line: rank, drug, "
                + "section, score. Uses the same search code as the HTTP API.")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    IndexFolderOption folder;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    QueryOptions query;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query; several words are joined with spaces.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        Path index = folder.index;
        if (!IndexCheck.hasIndex(index)) {
            main.err.println("no index at " + index + "; build one with: reindex --index " + index);
            return 1;
        }
        try (LiveIndex live = LiveIndex.open(index, 0)) {
            SearchService service = Services.searchService(live, query, null);
            SearchResult result = service.search(SearchRequest.of(String.join(" ", words), Math.max(1, Math.min(limit, 100))));
            main.out.printf(Locale.ROOT, "%d matching sections%n", result.total());
            int rank = 1;
            for (SearchResult.Hit h : result.hits()) {
                main.out.printf(Locale.ROOT, "%2d. %s → %s  (%.2f)%n", rank++, h.drug(),
                        String.join(" › ", h.path()), h.score());
            }
            if (result.suggestion() != null) {
                main.out.println("did you mean: " + result.suggestion());
            }
        }
        return 0;
    }
}
