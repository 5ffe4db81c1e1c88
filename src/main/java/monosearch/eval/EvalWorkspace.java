package monosearch.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import monosearch.index.Folders;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.search.LiveIndex;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchService;

/**
 * One or more corpora indexed side by side, by monosearch and by the baseline, in a temporary folder that is
 * deleted on close. Each corpus is linked in under its own folder, so their paths never collide.
 */
public final class EvalWorkspace implements Closeable {
    private final Path root;
    private final LiveIndex index;
    private final BaselineIndex baseline;
    private final SearchService search;
    private final Map<String, Optional<Set<String>>> sectionsBySlug = new HashMap<>();

    private EvalWorkspace(Path root, LiveIndex index, BaselineIndex baseline, SearchService search) {
        this.root = root;
        this.index = index;
        this.baseline = baseline;
        this.search = search;
    }

    /** Indexes the corpora; {@code makeSearch} builds the search service to evaluate over the index. */
    public static EvalWorkspace create(List<Path> corpora, SearchFactory makeSearch) throws IOException {
        return create(corpora, makeSearch, true);
    }

    /**
     * As {@link #create(List, SearchFactory)}, with the baseline index only if asked for: on the real corpus it
     * costs a third of the time, and a floor on monosearch's own figures does not need it.
     */
    public static EvalWorkspace create(List<Path> corpora, SearchFactory makeSearch, boolean withBaseline) throws IOException {
        Path root = Files.createTempDirectory("monosearch-eval");
        Path combined = Files.createDirectories(root.resolve("corpus"));
        for (int i = 0; i < corpora.size(); i++) {
            Files.createSymbolicLink(combined.resolve("c" + i), corpora.get(i).toAbsolutePath());
        }
        MonographParser parser = new MonographParser(SectionNames.bundled());
        long maxBytes = 2L * 1024 * 1024;
        new Reindexer(parser, Reindexer.Progress.NONE)
                .run(new Reindexer.Options(combined, root.resolve("index"), true, maxBytes, 2));
        BaselineIndex baseline = withBaseline ? BaselineIndex.build(combined, root.resolve("baseline"), parser, maxBytes) : null;
        LiveIndex index = LiveIndex.open(root.resolve("index"), 0);
        return new EvalWorkspace(root, index, baseline, makeSearch.create(index));
    }

    /** Builds a search service over an index. */
    public interface SearchFactory {
        SearchService create(LiveIndex index) throws IOException;
    }

    public SearchService search() {
        return search;
    }

    /** monosearch's answers as "slug/Section" keys, each once, up to ten. */
    public Ranker monosearch() {
        return query -> {
            Set<String> keys = new LinkedHashSet<>();
            for (SearchResult.Hit h : search.search(SearchRequest.of(query, 30)).hits()) {
                keys.add(JudgedQuery.key(h.slug(), h.section()));
            }
            return new ArrayList<>(keys);
        };
    }

    /** The plain baseline, or null when the workspace was created without it. */
    public Ranker baseline() {
        return baseline == null ? null : baseline.ranker();
    }

    /** Whether every judged slug is in the index, i.e. the query can be evaluated over these corpora. */
    public boolean covers(JudgedQuery q) throws IOException {
        for (String key : q.grades().keySet()) {
            if (sectionsOf(key.substring(0, key.indexOf('/'))).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Judged "slug/Section" keys whose monograph is indexed without that section: judgments graded under another
     * mapping of headings to sections than the index uses, which no ranking could ever find.
     */
    public List<String> unindexed(JudgedQuery q) throws IOException {
        List<String> out = new ArrayList<>();
        for (String key : q.grades().keySet()) {
            int slash = key.indexOf('/');
            Optional<Set<String>> sections = sectionsOf(key.substring(0, slash));
            if (sections.isPresent() && !sections.get().contains(key.substring(slash + 1))) {
                out.add(key);
            }
        }
        return out;
    }

    private Optional<Set<String>> sectionsOf(String slug) throws IOException {
        Optional<Set<String>> known = sectionsBySlug.get(slug);
        if (known == null) {
            known = search.monograph(slug).map(m -> m.sections().stream().map(Section::name).collect(Collectors.toSet()));
            sectionsBySlug.put(slug, known);
        }
        return known;
    }

    @Override
    public void close() throws IOException {
        index.close();
        if (baseline != null) {
            baseline.close();
        }
        Folders.deleteTree(root);
    }
}
