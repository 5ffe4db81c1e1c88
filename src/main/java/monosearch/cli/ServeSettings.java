package monosearch.cli;

import monosearch.analytics.AnalyticsSettings;
import monosearch.solr.SolrTarget;
import monosearch.web.WebConfig;

/**
 * Everything {@code serve} is told, from its flags and the MONOSEARCH_* environment, built and checked once before
 * any work starts: a setting that cannot work stops the start with one clear line, before an index is built.
 *
 * @param index          the corpus and the index folder
 * @param tables         the editable tables
 * @param web            the HTTP server
 * @param metrics        Prometheus metrics at /metrics
 * @param watch          reindex inside the server when the corpus changes
 * @param analytics      counts of what is searched
 * @param linkTemplate   where hits link to, or null for monosearch's own pages
 * @param refreshMillis  how often to look for a new index version
 * @param warmupMillis   representative searches before the port opens; 0 for none
 * @param cacheBytes     memory for answers already given (the result cache); 0 for none
 * @param exitAfterStart answer one search over loopback, then exit
 * @param solr           the SolrCloud collection to answer from instead of the embedded index; null for the index
 */
record ServeSettings(IndexSettings index, TableFiles tables, WebConfig web, boolean metrics, Watch watch,
                     AnalyticsSettings analytics, String linkTemplate, long refreshMillis,
                     long warmupMillis, long cacheBytes, boolean exitAfterStart, SolrTarget solr) {
    /**
     * The watched corpus folder.
     *
     * @param enabled     {@code --watch}
     * @param quietMillis how long the folder must stay unchanged before a reindex runs
     */
    record Watch(boolean enabled, long quietMillis) {
        static final long DEFAULT_QUIET_MILLIS = 300;
        static final Watch OFF = new Watch(false, DEFAULT_QUIET_MILLIS);

        Watch {
            if (quietMillis < 10 || quietMillis > 60_000) {
                throw new IllegalArgumentException("--watch-quiet-ms must be between 10 and 60000");
            }
        }
    }

    static final long MB = 1L << 20;
    /** A cache is a small share of the heap: the index itself is memory-mapped, off the heap. */
    static final long MAX_CACHE_BYTES = 4096 * MB;

    ServeSettings {
        if (refreshMillis < 10) {
            throw new IllegalArgumentException("--refresh-ms must be at least 10");
        }
        if (cacheBytes < 0 || cacheBytes > MAX_CACHE_BYTES) {
            throw new IllegalArgumentException("--cache-mb must be between 0 and " + MAX_CACHE_BYTES / MB);
        }
        if (solr != null && watch.enabled()) {
            throw new IllegalArgumentException("--watch reindexes the embedded index; with --solr, run reindex --solr "
                    + "when the corpus changes (every server picks the new content up by itself)");
        }
        if (warmupMillis < 0) {
            throw new IllegalArgumentException("--warmup-ms must not be negative");
        }
        if (index.maxFileBytes() < 1) {
            throw new IllegalArgumentException("--max-file-size must be at least 1 byte");
        }
        if (linkTemplate != null && !linkTemplate.isBlank() && !linkTemplate.contains("{slug}")
                && !linkTemplate.contains("{path}")) {
            throw new IllegalArgumentException("--link-template must contain {slug} or {path}, or every hit links to one page");
        }
    }
}
