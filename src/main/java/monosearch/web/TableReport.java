package monosearch.web;

import java.util.List;

/**
 * How one editable table stands after a reload, as {@code POST /api/admin/reload} answers it.
 *
 * @param table  sections, intents, synonyms or pins
 * @param file   the file it is read from; null for the bundled table
 * @param status loaded (read anew), unchanged, bundled, or kept (the file is broken: the previous table stays)
 * @param error  what is wrong with the file, with its line; null unless kept
 * @param warnings lines that load but do nothing, such as a pin naming a section the index does not have
 */
public record TableReport(String table, String file, String status, String error, List<String> warnings) {
    public TableReport {
        warnings = List.copyOf(warnings);
    }

    public TableReport(String table, String file, String status, String error) {
        this(table, file, status, error, List.of());
    }
}
