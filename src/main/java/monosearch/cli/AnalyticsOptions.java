package monosearch.cli;

import java.nio.file.Path;
import monosearch.analytics.AnalyticsSettings;
import picocli.CommandLine.Option;

/** Where search analytics are kept and what they show, shared by serve and the analytics command. */
final class AnalyticsOptions {
    @Option(names = "--analytics-file", paramLabel = "FILE", defaultValue = "${env:MONOSEARCH_ANALYTICS_FILE:-analytics.json}",
            description = "Where the daily query counts are kept (env MONOSEARCH_ANALYTICS_FILE; default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--analytics-min-count", paramLabel = "K", defaultValue = "5",
            description = "A query is shown only once it was asked at least K times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--analytics-days", paramLabel = "DAYS", defaultValue = "90",
            description = "Days of counts kept; older ones are deleted (default: ${DEFAULT-VALUE}).")
    int days;

    AnalyticsSettings settings(boolean enabled) {
        return new AnalyticsSettings(enabled, file, minCount, days);
    }
}
