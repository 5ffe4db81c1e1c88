package monosearch.web;

/**
 * How one editable table stands after a reload, as {@code POST /api/admin/reload} answers it.
 *
 * @param table  sections, intents, synonyms or pins
 * @param file   the file it is read from; null for the bundled table
 * @param status loaded (read anew), unchanged, bundled, or kept (the file is broken: the previous table stays)
 * @param error  what is wrong with the file, with its line; null unless kept
 */
public record TableReport(String table, String file, String status, String error) {
}
