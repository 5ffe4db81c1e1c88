package monosearch.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import monosearch.analytics.AnalyticsReport;
import monosearch.analytics.QueryCounts;
import monosearch.analytics.SearchAnalytics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Show what people search for, from the counts serve --analytics keeps: the top queries, those "
                + "that find nothing, and those whose results are never opened. Only queries asked at least "
                + "--analytics-min-count times are shown.")
final class AnalyticsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    AnalyticsOptions options;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Queries per list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(options.file)) {
            main.err.println("no analytics at " + options.file + "; serve --analytics keeps them there");
            return 1;
        }
        AnalyticsReport r = SearchAnalytics.read(options.settings(true), Math.max(1, limit));
        main.out.printf(Locale.ROOT, "queries asked at least %d times in the last %d days%n", r.minCount(), r.days());
        print("top queries", r.top());
        print("queries that found nothing", r.zeroResults());
        print("queries whose results were never opened", r.unopened());
        return 0;
    }

    private void print(String title, List<QueryCounts> queries) {
        main.out.printf(Locale.ROOT, "%n%s%n", title);
        if (queries.isEmpty()) {
            main.out.println("  (none)");
        }
        for (QueryCounts q : queries) {
            main.out.printf(Locale.ROOT, "  %6d searched  %6d found nothing  %6d opened  %s%n", q.searches(),
                    q.zeroResults(), q.opened(), q.query());
        }
    }
}
