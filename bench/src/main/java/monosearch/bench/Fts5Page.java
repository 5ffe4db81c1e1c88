package monosearch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results from the FTS5 table, the same page monosearch's API answers: the best 10 sections with a
 * snippet of each, the total of matching sections, and how many match in each section (the section facet). A bare
 * top 10 would skip the counting, which is much of monosearch's work.
 */
final class Fts5Page implements AutoCloseable {
    static final int PAGE_SIZE = 10;
    /** Same column weights as monosearch's fields: drug 3, headings 2, body 1 (unindexed columns 0). */
    private static final String TOP_SQL = "SELECT slug, section, snippet(sections, 4, '<mark>', '</mark>', '…', 24) "
            + "FROM sections WHERE sections MATCH ? ORDER BY bm25(sections, 3.0, 2.0, 0.0, 0.0, 1.0) LIMIT " + PAGE_SIZE;
    private static final String COUNT_SQL = "SELECT section, count(*) FROM sections WHERE sections MATCH ? "
            + "GROUP BY section ORDER BY count(*) DESC, section";

    /** One hit of the top 10. */
    record Hit(String slug, String section, String snippet) {
    }

    /**
     * @param hits      the best sections, at most 10
     * @param total     all matching sections
     * @param bySection matching sections per section name, most first
     */
    record Page(List<Hit> hits, long total, Map<String, Long> bySection) {
    }

    private final PreparedStatement top;
    private final PreparedStatement counts;

    Fts5Page(Connection db) throws SQLException {
        this.top = db.prepareStatement(TOP_SQL);
        this.counts = db.prepareStatement(COUNT_SQL);
    }

    /** The table the comparison loads: columns in the order of bm25's weights. */
    static void createTable(Statement s) throws SQLException {
        s.execute("CREATE VIRTUAL TABLE sections USING fts5(drug, heading, section UNINDEXED, slug UNINDEXED, body, "
                + "tokenize = 'porter unicode61 remove_diacritics 2')");
    }

    /** Answers an FTS5 MATCH expression (see {@link Fts5Comparison#toFts5}), reading every value a page shows. */
    Page answer(String match) throws SQLException {
        List<Hit> hits = new ArrayList<>(PAGE_SIZE);
        top.setString(1, match);
        try (ResultSet rs = top.executeQuery()) {
            while (rs.next()) {
                hits.add(new Hit(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        Map<String, Long> bySection = new LinkedHashMap<>();
        long total = 0;
        counts.setString(1, match);
        try (ResultSet rs = counts.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(2);
                bySection.put(rs.getString(1), n);
                total += n;
            }
        }
        return new Page(hits, total, bySection);
    }

    @Override
    public void close() throws SQLException {
        top.close();
        counts.close();
    }
}
