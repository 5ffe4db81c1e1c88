package monosearch.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import monosearch.monograph.BadTableException;
import monosearch.monograph.Monograph;
import monosearch.monograph.Section;
import monosearch.monograph.TableText;
import monosearch.search.Html;
import monosearch.search.Links;
import monosearch.search.QueryKey;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import monosearch.search.SearchBackend;

/**
 * Pinned answers, for the queries ranking gets wrong: lines {@code query => slug#anchor} put that section first
 * for that query, {@code query => -slug#anchor} hides it. Queries are compared as search reads them (case, accents,
 * spacing), and a pinned hit is marked in the API.
 */
public final class Pins {
    /** One rule: for the query key, the section slug#anchor, pinned or hidden. */
    record Rule(String query, String slug, String anchor, boolean hide, int line) {
        String target() {
            return slug + "#" + anchor;
        }
    }

    private static final Pins NONE = new Pins(Map.of());
    private static final int SNIPPET_CHARS = 240;

    private final Map<String, List<Rule>> byQuery;

    private Pins(Map<String, List<Rule>> byQuery) {
        this.byQuery = byQuery;
    }

    public static Pins none() {
        return NONE;
    }

    public static Pins load(Path file) throws BadTableException {
        return TableText.parseFile(file, Pins::parse);
    }

    static Pins parse(String text, String name) throws BadTableException {
        Map<String, List<Rule>> byQuery = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("=>");
            String query = arrow < 0 ? "" : QueryKey.of(line.substring(0, arrow));
            String target = arrow < 0 ? "" : line.substring(arrow + 2).strip();
            boolean hide = target.startsWith("-");
            String section = hide ? target.substring(1).strip() : target;
            int hash = section.indexOf('#');
            if (query.isEmpty() || hash <= 0 || hash == section.length() - 1 || section.contains(" ")) {
                throw new BadTableException(name, n + 1, "expected 'query => slug#anchor' or 'query => -slug#anchor', not '"
                        + line + "'");
            }
            byQuery.computeIfAbsent(query, q -> new ArrayList<>())
                    .add(new Rule(query, section.substring(0, hash), section.substring(hash + 1), hide, n + 1));
        }
        return new Pins(Map.copyOf(byQuery));
    }

    /** Rules naming a monograph or a section the index does not have, one line each; they do nothing meanwhile. */
    public List<String> problems(String name, SearchBackend search) throws IOException {
        List<String> out = new ArrayList<>();
        Map<String, Optional<Monograph>> monographs = new LinkedHashMap<>();
        for (List<Rule> rules : byQuery.values()) {
            for (Rule r : rules) {
                Optional<Monograph> m = monographs.get(r.slug());
                if (m == null) {
                    m = search.monograph(r.slug());
                    monographs.put(r.slug(), m);
                }
                if (m.isEmpty()) {
                    out.add(name + " line " + r.line() + ": no monograph '" + r.slug() + "'");
                } else if (m.get().sections().stream().noneMatch(s -> s.anchor().equals(r.anchor()))) {
                    out.add(name + " line " + r.line() + ": monograph '" + r.slug() + "' has no section #" + r.anchor());
                }
            }
        }
        return out;
    }

    /**
     * The page with the query's rules applied: hidden sections left out, pinned ones first on the first page (taken
     * from the search when it found them, else from the monograph) and nowhere else.
     */
    List<ApiJson.Hit> apply(SearchRequest request, List<ApiJson.Hit> hits, SearchBackend search, Links links)
            throws IOException {
        List<Rule> rules = byQuery.get(QueryKey.of(request.query()));
        if (rules == null) {
            return hits;
        }
        Set<String> hidden = new LinkedHashSet<>();
        Set<String> pinned = new LinkedHashSet<>();
        for (Rule r : rules) {
            (r.hide() ? hidden : pinned).add(r.target());
        }
        pinned.removeAll(hidden);
        List<ApiJson.Hit> out = new ArrayList<>();
        if (request.offset() == 0) {
            for (String target : pinned) {
                pinnedHit(target, request.query(), hits, search, links).ifPresent(out::add);
            }
        }
        for (ApiJson.Hit h : hits) {
            String key = h.slug() + "#" + h.anchor();
            if (!hidden.contains(key) && !pinned.contains(key)) {
                out.add(h);
            }
        }
        return out.size() > request.limit() ? List.copyOf(out.subList(0, request.limit())) : out;
    }

    private static Optional<ApiJson.Hit> pinnedHit(String target, String query, List<ApiJson.Hit> page,
                                                   SearchBackend search, Links links) throws IOException {
        String slug = target.substring(0, target.indexOf('#'));
        String anchor = target.substring(target.indexOf('#') + 1);
        List<ApiJson.Hit> candidates = new ArrayList<>(page);
        SearchResult inDrug = search.search(new SearchRequest(query, List.of(), List.of(slug), 100, 0));
        inDrug.hits().forEach(h -> candidates.add(ApiJson.Hit.of(h)));
        for (ApiJson.Hit h : candidates) {
            if (h.slug().equals(slug) && h.anchor().equals(anchor)) {
                return Optional.of(h.asPinned());
            }
        }
        // Pinned because the search does not find it: shown with the start of its text.
        Optional<Monograph> m = search.monograph(slug);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        for (Section s : m.get().sections()) {
            if (s.anchor().equals(anchor)) {
                String text = s.text().length() > SNIPPET_CHARS ? s.text().substring(0, SNIPPET_CHARS) + "…" : s.text();
                float top = page.isEmpty() ? 0 : page.get(0).score();
                return Optional.of(new ApiJson.Hit(m.get().drug(), slug, s.name(), s.heading(), s.path(), anchor,
                        links.of(slug, m.get().source(), anchor), top, Html.escape(text.replace('\n', ' ')), true));
            }
        }
        return Optional.empty();
    }
}
