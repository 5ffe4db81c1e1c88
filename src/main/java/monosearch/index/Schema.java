package monosearch.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;

/** The index's field names and how a section becomes a Lucene document. Every field name lives here. */
public final class Schema {
    /** Bump when fields, analysis or parsing change: an index with another version is rebuilt in full. */
    public static final String VERSION = "6";
    public static final String COMMIT_SCHEMA = "monosearch.schema";
    public static final String COMMIT_TIME = "monosearch.committedAt";
    /** What the commit holds ({@link IndexedFiles#contentVersion}): equal in two indexes built from the same files. */
    public static final String COMMIT_CONTENT = "monosearch.contentVersion";

    // One document per section; the monograph's fields are repeated on each of its sections.
    public static final String ID = "id";
    public static final String SLUG = "slug";
    public static final String SOURCE = "source";
    public static final String DRUG = "drug";
    public static final String SECTION = "section";
    /** Lower-cased canonical section name, for exact filters. */
    public static final String SECTION_KEY = "section_key";
    public static final String HEADING = "heading";
    /** All headings on the section's path, analysed. */
    public static final String HEADINGS = "headings";
    public static final String PATH = "path";
    public static final String ANCHOR = "anchor";
    public static final String LEVEL = "level";
    public static final String POSITION = "position";
    public static final String BODY = "body";
    /** The opening words of each short line (list item) of the body: what the section lists, and so is about. */
    public static final String LEADS = "leads";
    // The source file's state, for incremental reindexing.
    public static final String FILE_HASH = "file_hash";
    public static final String FILE_SIZE = "file_size";
    public static final String FILE_MODIFIED = "file_modified";

    /** Separates path elements in the stored path; never found in a heading. */
    public static final String PATH_SEPARATOR = "\u001F";

    private static final FieldType BODY_TYPE = bodyType();
    private static final int MAX_LEAD_WORDS = 8;
    /** Characters of a drug name kept in doc values (a Solr schema's maxCharsForDocValues says the same). */
    public static final int MAX_DOC_VALUE_CHARS = 1_000;
    /** The longest term Lucene indexes ({@code IndexWriter.MAX_TERM_LENGTH}). */
    private static final int MAX_TERM_BYTES = IndexWriter.MAX_TERM_LENGTH;

    private Schema() {
    }

    /** Facts about the file a monograph came from, kept with its sections. */
    public record FileFacts(String hash, long size, long modified) {
    }

    /**
     * The field values of each section of a monograph, by field name, in field order: the one mapping from a
     * monograph to what is indexed, for this index ({@link #documents}) and for a Solr collection alike.
     * Values are String, Integer (level, position) or Long (file size and time).
     */
    public static List<Map<String, Object>> values(Monograph monograph, FileFacts file) {
        List<Map<String, Object>> out = new ArrayList<>(monograph.sections().size());
        for (Section s : monograph.sections()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(ID, monograph.slug() + "#" + s.position());
            v.put(SLUG, monograph.slug());
            v.put(SOURCE, monograph.source());
            v.put(DRUG, monograph.drug());
            v.put(SECTION, s.name());
            v.put(SECTION_KEY, sectionKey(s.name()));
            v.put(HEADING, s.heading());
            v.put(HEADINGS, String.join(" ", s.path()));
            v.put(PATH, String.join(PATH_SEPARATOR, s.path()));
            v.put(ANCHOR, s.anchor());
            v.put(LEVEL, s.level());
            v.put(POSITION, s.position());
            v.put(BODY, s.text());
            v.put(LEADS, leads(s.text()));
            v.put(FILE_HASH, file.hash());
            v.put(FILE_SIZE, file.size());
            v.put(FILE_MODIFIED, file.modified());
            out.add(v);
        }
        return out;
    }

    /**
     * Why an index could not hold the monograph, or null. A section's name is indexed as one term, and Lucene
     * (Solr alike) refuses a term over 32,766 bytes: a "heading" that long is a broken file, not a section.
     */
    public static String unindexable(Monograph monograph) {
        for (Section s : monograph.sections()) {
            int bytes = new BytesRef(s.name()).length;
            if (bytes > MAX_TERM_BYTES) {
                return "a heading of " + s.name().length() + " characters, too long to index (at most "
                        + MAX_TERM_BYTES + " bytes)";
            }
        }
        return null;
    }

    public static List<Document> documents(Monograph monograph, FileFacts file) {
        List<Document> docs = new ArrayList<>(monograph.sections().size());
        for (Map<String, Object> v : values(monograph, file)) {
            docs.add(document(v));
        }
        return docs;
    }

    /** How each field's value is indexed in this index. */
    private static Document document(Map<String, Object> v) {
        Document d = new Document();
        String slug = (String) v.get(SLUG);
        String source = (String) v.get(SOURCE);
        String drug = (String) v.get(DRUG);
        String section = (String) v.get(SECTION);
        d.add(new StringField(ID, (String) v.get(ID), Field.Store.YES));
        d.add(new StringField(SLUG, slug, Field.Store.YES));
        d.add(new SortedDocValuesField(SLUG, new BytesRef(slug)));
        d.add(new StringField(SOURCE, source, Field.Store.YES));
        d.add(new SortedDocValuesField(SOURCE, new BytesRef(source)));
        d.add(new TextField(DRUG, drug, Field.Store.YES));
        d.add(new SortedDocValuesField(DRUG, new BytesRef(capped(drug))));
        d.add(new StoredField(SECTION, section));
        d.add(new StringField(SECTION_KEY, (String) v.get(SECTION_KEY), Field.Store.NO));
        d.add(new SortedDocValuesField(SECTION, new BytesRef(section)));
        d.add(new TextField(HEADING, (String) v.get(HEADING), Field.Store.YES));
        d.add(new TextField(HEADINGS, (String) v.get(HEADINGS), Field.Store.NO));
        d.add(new StoredField(PATH, (String) v.get(PATH)));
        d.add(new StoredField(ANCHOR, (String) v.get(ANCHOR)));
        d.add(new StoredField(LEVEL, (Integer) v.get(LEVEL)));
        int position = (Integer) v.get(POSITION);
        d.add(new StoredField(POSITION, position));
        d.add(new NumericDocValuesField(POSITION, position));
        d.add(new Field(BODY, (String) v.get(BODY), BODY_TYPE));
        d.add(new TextField(LEADS, (String) v.get(LEADS), Field.Store.NO));
        d.add(new BinaryDocValuesField(FILE_HASH, new BytesRef((String) v.get(FILE_HASH))));
        d.add(new NumericDocValuesField(FILE_SIZE, (Long) v.get(FILE_SIZE)));
        d.add(new NumericDocValuesField(FILE_MODIFIED, (Long) v.get(FILE_MODIFIED)));
        return d;
    }

    /**
     * "Capillary leak syndrome (SIRS): fluid leaks..." gives "Capillary leak syndrome": the part of each line
     * before its first colon, bracket, full stop, semicolon or comma, or spaced dash (" - ", " – ", " — "), when
     * that part is a short phrase rather than prose. One pass over the characters: it runs for every section.
     */
    static String leads(String text) {
        StringBuilder out = new StringBuilder();
        int length = text.length();
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int end = leadEnd(text, lineStart, lineEnd);
            int start = lineStart;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int words = countWords(text, start, end);
            if (words > 0 && words <= MAX_LEAD_WORDS) {
                out.append(text, start, end).append('\n');
            }
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    /** Where the lead of the line [start, end) ends: its first ':', '(', '.', ';', ',' or spaced dash. */
    private static int leadEnd(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '(' || c == '.' || c == ';' || c == ',') {
                return i;
            }
            if (isSpace(c) && i + 2 < end && isDash(text.charAt(i + 1)) && isSpace(text.charAt(i + 2))) {
                return i;
            }
        }
        return end;
    }

    /** Words as split on runs of spaces; the range holds no space at either end. */
    private static int countWords(String text, int start, int end) {
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** What the regular expression {@code \s} matches: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '–' || c == '—';
    }

    /** Doc values hold at most 32 KB; a drug name is far shorter unless the file is broken. */
    private static String capped(String drug) {
        return drug.length() > MAX_DOC_VALUE_CHARS ? drug.substring(0, MAX_DOC_VALUE_CHARS) : drug;
    }

    public static String sectionKey(String sectionName) {
        return sectionName.strip().toLowerCase(Locale.ROOT);
    }

    public static List<String> splitPath(String storedPath) {
        return List.of(storedPath.split(PATH_SEPARATOR, -1));
    }

    /** Body text keeps offsets in its postings, so snippets need no re-analysis. */
    private static FieldType bodyType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}
