package monosearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import monosearch.index.Schema;

/**
 * The simplest alternative a developer would build: the same sections in an SQLite FTS5 table, ranked with
 * bm25, answering the page monosearch answers (top 10 with a snippet, the total, the count per section; see
 * {@link Fts5Page}). The driver is reached through java.sql only ({@code jdbc:sqlite:}), so it is a
 * run-time choice of the benchmark's classpath and never a dependency of the service.
 */
public final class Fts5Comparison {
    static final String URL_PREFIX = "jdbc:sqlite:";
    /**
     * One query on both engines.
     *
     * @param fts5Query what FTS5 was asked, or null where the query has no words FTS5 can match
     * @param monoHits  monosearch's total matching sections
     * @param fts5Hits  FTS5's total matching sections
     */
    public record Pair(BenchQuery query, String fts5Query, LatencyStats mono, LatencyStats fts5, long monoHits, long fts5Hits) {
        public double p50Ratio() {
            return mono.p50() / fts5.p50();
        }

        public double p99Ratio() {
            return mono.p99() / fts5.p99();
        }
    }

    /**
     * The comparison's outcome.
     *
     * @param skipped     why it did not run, or null
     * @param driver      the JDBC driver and SQLite version used
     * @param rows        sections loaded
     * @param loadSeconds time to load and optimize the FTS5 table
     * @param dbBytes     the database file's size
     * @param pairs       query by query
     * @param mono        all monosearch samples of the comparison
     * @param fts5        all FTS5 samples
     */
    public record Outcome(String skipped, String driver, int rows, double loadSeconds, long dbBytes, List<Pair> pairs,
                          LatencyStats mono, LatencyStats fts5) {
        static Outcome skipped(String why) {
            return new Outcome(why, null, 0, 0, 0, List.of(), LatencyStats.EMPTY, LatencyStats.EMPTY);
        }

        /** Geometric mean of the per-query p50 ratios: each query counts once, however slow. */
        public double geometricMeanP50Ratio() {
            double logSum = 0;
            int n = 0;
            for (Pair p : pairs) {
                if (p.fts5Query() != null && p.p50Ratio() > 0 && Double.isFinite(p.p50Ratio())) {
                    logSum += Math.log(p.p50Ratio());
                    n++;
                }
            }
            return n == 0 ? Double.NaN : Math.exp(logSum / n);
        }
    }

    private final Path index;
    private final Path database;

    public Fts5Comparison(Path index, Path database) {
        this.index = index;
        this.database = database;
    }

    /** Why the comparison cannot run here, or null when the SQLite driver is on the classpath. */
    static String unavailableReason() {
        try {
            DriverManager.getDriver(URL_PREFIX);
            return null;
        } catch (SQLException e) {
            return "no JDBC driver for jdbc:sqlite: on the classpath; the bench's build copies it to bench/target/lib/ "
                    + "(mvn -B -q verify -DskipTests -Dinvoker.test=bench)";
        }
    }

    /**
     * Loads the table, then times both engines on each query in turn, {@code rounds} times, after an untimed pass over
     * {@code warm} (the JIT and SQLite's page cache).
     */
    public Outcome run(InProcessBench mono, List<BenchQuery> queries, List<BenchQuery> warm, int rounds) throws IOException {
        String why = unavailableReason();
        if (why != null) {
            return Outcome.skipped(why);
        }
        Files.deleteIfExists(database);
        try (Connection db = DriverManager.getConnection(URL_PREFIX + database)) {
            String driver = db.getMetaData().getDriverName() + " " + db.getMetaData().getDriverVersion()
                    + ", SQLite " + db.getMetaData().getDatabaseProductVersion();
            long t0 = System.nanoTime();
            int rows = load(db);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            return compare(db, driver, rows, loadSeconds, mono, queries, warm, rounds);
        } catch (SQLException e) {
            return Outcome.skipped("SQLite failed: " + e.getMessage());
        }
    }

    /** Every live section of the Lucene index, as stored there: the same text monosearch searches. */
    private int load(Connection db) throws SQLException, IOException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            Fts5Page.createTable(s);
        }
        db.setAutoCommit(false);
        int[] rows = {0};
        Set<String> fields = Set.of(Schema.DRUG, Schema.HEADING, Schema.SECTION, Schema.SLUG, Schema.BODY);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO sections(drug, heading, section, slug, body) VALUES (?, ?, ?, ?, ?)")) {
            IndexSections.forEach(index, fields, d -> {
                insert.setString(1, d.get(Schema.DRUG));
                insert.setString(2, d.get(Schema.HEADING));
                insert.setString(3, d.get(Schema.SECTION));
                insert.setString(4, d.get(Schema.SLUG));
                insert.setString(5, d.get(Schema.BODY));
                insert.addBatch();
                if (++rows[0] % 1000 == 0) {
                    insert.executeBatch();
                }
            });
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO sections(sections) VALUES('optimize')");
        }
        return rows[0];
    }

    private Outcome compare(Connection db, String driver, int rows, double loadSeconds, InProcessBench mono,
                            List<BenchQuery> queries, List<BenchQuery> warm, int rounds) throws SQLException, IOException {
        List<String> ftsQueries = queries.stream().map(q -> toFts5(q.text())).toList();
        List<Samples> monoSamples = new ArrayList<>();
        List<Samples> ftsSamples = new ArrayList<>();
        long[] monoHits = new long[queries.size()];
        long[] ftsHits = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            monoSamples.add(new Samples());
            ftsSamples.add(new Samples());
        }
        long[] total = new long[1];
        try (Fts5Page page = new Fts5Page(db)) {
            for (BenchQuery q : warm) {
                mono.timeOne(q, total);
                String f = toFts5(q.text());
                if (f != null) {
                    page.answer(f);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < queries.size(); i++) {
                    long took = mono.timeOne(queries.get(i), total);
                    monoHits[i] = total[0];
                    monoSamples.get(i).add(took);
                    if (ftsQueries.get(i) == null) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    Fts5Page.Page answer = page.answer(ftsQueries.get(i));
                    ftsSamples.get(i).add(System.nanoTime() - t0);
                    ftsHits[i] = answer.total();
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        List<Samples> monoCompared = new ArrayList<>();
        List<Samples> ftsCompared = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            pairs.add(new Pair(queries.get(i), ftsQueries.get(i), LatencyStats.ofNanos(monoSamples.get(i).toArray()),
                    LatencyStats.ofNanos(ftsSamples.get(i).toArray()), monoHits[i], ftsHits[i]));
            if (ftsQueries.get(i) != null) {
                monoCompared.add(monoSamples.get(i));
                ftsCompared.add(ftsSamples.get(i));
            }
        }
        return new Outcome(null, driver, rows, loadSeconds, Files.size(database), pairs,
                LatencyStats.ofNanos(Samples.merge(monoCompared)), LatencyStats.ofNanos(Samples.merge(ftsCompared)));
    }

    /**
     * The query as FTS5 AND query of its words: each word quoted (so no word is FTS5 syntax), quoted phrases kept as
     * phrases, a trailing {@code *} kept as a prefix; null when nothing is left.
     */
    static String toFts5(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                List<String> words = words(text.substring(i + 1, end));
                if (!words.isEmpty()) {
                    parts.add("\"" + String.join(" ", words) + "\"");
                }
                i = end + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                end++;
            }
            String token = text.substring(i, end);
            boolean prefix = token.endsWith("*");
            List<String> words = words(token);
            for (int k = 0; k < words.size(); k++) {
                boolean last = k == words.size() - 1;
                parts.add("\"" + words.get(k) + "\"" + (prefix && last ? "*" : ""));
            }
            i = Math.max(end, i + 1);
        }
        return parts.isEmpty() ? null : String.join(" AND ", parts);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
