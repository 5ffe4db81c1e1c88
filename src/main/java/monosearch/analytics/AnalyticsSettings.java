package monosearch.analytics;

import java.nio.file.Path;

/**
 * Search analytics, off unless asked for: queries can hold patient details.
 *
 * @param enabled  {@code --analytics}
 * @param file     where the daily counts are kept
 * @param minCount a query is shown only once it was asked at least this many times in the window
 * @param days     days of counts kept; older days are dropped
 */
public record AnalyticsSettings(boolean enabled, Path file, int minCount, int days) {
    public static final int DEFAULT_MIN_COUNT = 5;
    public static final int DEFAULT_DAYS = 90;
    public static final String DEFAULT_FILE = "analytics.json";

    public AnalyticsSettings {
        if (minCount < 1) {
            throw new IllegalArgumentException("--analytics-min-count must be at least 1");
        }
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("--analytics-days must be between 1 and 3660");
        }
        if (enabled && file == null) {
            throw new IllegalArgumentException("--analytics needs a file to keep its counts in (--analytics-file)");
        }
    }

    public static AnalyticsSettings off() {
        return new AnalyticsSettings(false, Path.of(DEFAULT_FILE), DEFAULT_MIN_COUNT, DEFAULT_DAYS);
    }
}
