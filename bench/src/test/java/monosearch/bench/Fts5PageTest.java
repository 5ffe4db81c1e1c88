package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FTS5 answers the page monosearch answers: top 10 with snippets, the total, the count per section. */
class Fts5PageTest {
    @Test
    void aPageHoldsTheBestTenWithSnippetsTheTotalAndTheCountPerSection() throws Exception {
        try (Connection db = DriverManager.getConnection(Fts5Comparison.URL_PREFIX + ":memory:")) {
            try (Statement s = db.createStatement()) {
                Fts5Page.createTable(s);
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO sections(drug, heading, section, slug, body) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 15; i++) {
                    String section = i < 9 ? "Side Effects" : i < 13 ? "Dosage" : "Usage";
                    insert.setString(1, "Drug " + i);
                    insert.setString(2, section);
                    insert.setString(3, section);
                    insert.setString(4, "drug-" + i);
                    insert.setString(5, "Some patients report nausea and dizziness, item " + i + ".");
                    insert.executeUpdate();
                }
                insert.setString(1, "Other");
                insert.setString(2, "Storage");
                insert.setString(3, "Storage");
                insert.setString(4, "other");
                insert.setString(5, "Keep below 25 degrees.");
                insert.executeUpdate();
            }
            try (Fts5Page page = new Fts5Page(db)) {
                Fts5Page.Page p = page.answer(Fts5Comparison.toFts5("nausea dizziness"));
                assertEquals(15, p.total());
                assertEquals(10, p.hits().size());
                assertEquals(Map.of("Side Effects", 9L, "Dosage", 4L, "Usage", 2L), p.bySection());
                assertEquals("Side Effects", p.bySection().keySet().iterator().next(), "most matches first");
                p.hits().forEach(h -> assertTrue(h.snippet().contains("<mark>nausea</mark>"), h.toString()));

                Fts5Page.Page none = page.answer(Fts5Comparison.toFts5("warfarin"));
                assertEquals(0, none.total());
                assertTrue(none.hits().isEmpty() && none.bySection().isEmpty());
            }
        }
    }
}
