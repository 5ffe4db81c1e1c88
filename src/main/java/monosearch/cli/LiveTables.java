package monosearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import monosearch.monograph.SectionNames;
import monosearch.search.SearchBackend;
import monosearch.search.SectionIntents;
import monosearch.search.Synonyms;
import monosearch.web.Pins;
import monosearch.web.TableReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editable tables of a running server (sections, intents, synonyms, pins), reloaded when their files change (looked at twice a second) or when an
 * admin asks. A table that fails to load keeps the previous one, and the log names the file and line; the server
 * answers throughout. New synonyms or intents take effect with the next search; a new sections table changes how
 * monographs are read, so it is handed on for a full reindex.
 */
final class LiveTables implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveTables.class);
    private static final List<String> TABLES = List.of("sections", "intents", "synonyms", "pins");

    /** Builds a search service reading queries with these tables. */
    interface SearchFactory {
        SearchBackend build(Synonyms synonyms, SectionIntents intents);
    }

    private record Stamp(long modified, long size) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().toMillis(), a.size());
            } catch (IOException e) {
                return new Stamp(-1, -1);
            }
        }
    }

    private final TableFiles files;
    private final SearchFactory factory;
    private final Consumer<SectionNames> sectionsChanged;
    private final Map<String, Stamp> seen = new HashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(daemon("table-watch"));
    private final ExecutorService reindexer = Executors.newSingleThreadExecutor(daemon("table-reindex"));
    private volatile SectionNames sections;
    private volatile Synonyms synonyms;
    private volatile SectionIntents intents;
    private volatile SearchBackend search;
    private volatile Pins pins = Pins.none();

    /** With the tables as loaded at start; {@code sectionsChanged} runs on a thread of its own. */
    LiveTables(TableFiles files, SectionNames sections, Services.QueryTables query, SearchFactory factory,
               Consumer<SectionNames> sectionsChanged) {
        this.files = files;
        this.factory = factory;
        this.sectionsChanged = sectionsChanged;
        this.sections = sections;
        this.synonyms = query.synonyms();
        this.intents = query.intents();
        this.search = factory.build(synonyms, intents);
        for (String table : TABLES) {
            Path file = file(table);
            if (file != null) {
                seen.put(table, Stamp.of(file));
            }
        }
    }

    /**
     * Reads the pins file, which needs the index to check its rules: rules naming what the index lacks are
     * reported, not fatal. A pins file that cannot be read at all stops the start.
     */
    void loadPins() throws IOException {
        if (files.pins() != null) {
            Pins loaded = Pins.load(files.pins());
            warnAbout(loaded);
            pins = loaded;
        }
    }

    private List<String> warnAbout(Pins loaded) throws IOException {
        List<String> problems = loaded.problems(files.pins().toString(), search);
        problems.forEach(p -> log.warn("pin does nothing: {}", p));
        return problems;
    }

    Pins pins() {
        return pins;
    }

    SearchBackend search() {
        return search;
    }

    SectionNames sections() {
        return sections;
    }

    /** Looks at the files every {@code millis} and reloads those that changed. */
    void watch(long millis) {
        poller.scheduleWithFixedDelay(() -> reload(false), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reloads every table read from a file, changed or not. */
    List<TableReport> reloadAll() {
        return reload(true);
    }

    private synchronized List<TableReport> reload(boolean all) {
        List<TableReport> reports = new ArrayList<>();
        boolean queryTablesChanged = false;
        SectionNames newSections = null;
        for (String table : TABLES) {
            Path file = file(table);
            if (file == null) {
                reports.add(new TableReport(table, null, table.equals("pins") ? "none" : "bundled", null));
                continue;
            }
            Stamp stamp = Stamp.of(file);
            if (!all && stamp.equals(seen.get(table))) {
                reports.add(new TableReport(table, file.toString(), "unchanged", null));
                continue;
            }
            seen.put(table, stamp);
            try {
                List<String> warnings = List.of();
                switch (table) {
                    case "sections" -> newSections = SectionNames.load(file);
                    case "intents" -> intents = SectionIntents.load(file);
                    case "synonyms" -> synonyms = Synonyms.load(file);
                    default -> {
                        Pins loaded = Pins.load(file);
                        warnings = warnAbout(loaded);
                        pins = loaded;
                    }
                }
                queryTablesChanged |= table.equals("intents") || table.equals("synonyms");
                log.info("{} table reloaded from {}", table, file);
                reports.add(new TableReport(table, file.toString(), "loaded", null, warnings));
            } catch (IOException | RuntimeException e) {
                log.warn("{} table not reloaded, the previous one is kept: {}", table, e.getMessage());
                reports.add(new TableReport(table, file.toString(), "kept", e.getMessage()));
            }
        }
        if (queryTablesChanged) {
            search = factory.build(synonyms, intents);
        }
        if (newSections != null) {
            sections = newSections;
            SectionNames names = newSections;
            reindexer.execute(() -> sectionsChanged.accept(names));
        }
        return reports;
    }

    private Path file(String table) {
        return switch (table) {
            case "sections" -> files.sections();
            case "intents" -> files.intents();
            case "synonyms" -> files.synonyms();
            default -> files.pins();
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        poller.shutdownNow();
        reindexer.shutdownNow();
    }
}
