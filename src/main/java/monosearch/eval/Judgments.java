package monosearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a judged query set: tab-separated class, query, and "slug/Section=grade;..." judgments, or "-" for a
 * query that should find nothing.
 */
public final class Judgments {
    /** The judgment column of a query that should find nothing. */
    public static final String NOTHING = "-";

    private Judgments() {
    }

    public static List<JudgedQuery> load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static List<JudgedQuery> parse(String text, String name) {
        List<JudgedQuery> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = lines[n].split("\t");
            if (cols.length != 3) {
                throw new IllegalArgumentException(name + ":" + (n + 1) + ": expected 3 tab-separated columns, found " + cols.length);
            }
            Map<String, Integer> grades = new LinkedHashMap<>();
            String judged = cols[2].strip();
            if (judged.equals(NOTHING)) {
                out.add(new JudgedQuery(cols[0].strip(), cols[1].strip(), grades));
                continue;
            }
            for (String pair : judged.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.lastIndexOf('=');
                if (eq < 0 || pair.indexOf('/') < 0) {
                    throw new IllegalArgumentException(name + ":" + (n + 1) + ": '" + pair + "' is not slug/Section=grade");
                }
                int grade = Integer.parseInt(pair.substring(eq + 1).strip());
                if (grade < 1 || grade > 3) {
                    throw new IllegalArgumentException(name + ":" + (n + 1) + ": grade " + grade + " is not 1, 2 or 3");
                }
                grades.put(pair.substring(0, eq).strip(), grade);
            }
            if (grades.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + (n + 1) + ": no judgments; write '" + NOTHING
                        + "' for a query that should find nothing");
            }
            out.add(new JudgedQuery(cols[0].strip(), cols[1].strip(), grades));
        }
        return out;
    }
}
