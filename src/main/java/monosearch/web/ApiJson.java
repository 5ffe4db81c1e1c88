package monosearch.web;

import java.util.List;
import monosearch.analytics.AnalyticsReport;
import monosearch.analytics.QueryCounts;
import monosearch.index.ReindexSummary;
import monosearch.monograph.Corpus;
import monosearch.monograph.Monograph;
import monosearch.search.DrugNames;
import monosearch.search.SearchResult;

/**
 * The JSON the API writes, as records of its own: the API is a contract with its callers, so a field renamed
 * in the search or index code must not rename a field of the API. Each record is built from its domain record
 * in one place.
 */
final class ApiJson {
    private ApiJson() {
    }

    record Search(String query, long total, double tookMs, List<Hit> hits, Facets facets, String suggestion,
                  boolean partial) {
        static Search of(SearchResult r, List<Hit> hits) {
            return new Search(r.query(), r.total(), r.tookMs(), hits,
                    new Facets(r.facets().section().stream().map(f -> new FacetValue(f.value(), f.count())).toList()),
                    r.suggestion(), r.partial());
        }
    }

    /** One hit; {@code pinned} when a rule of the pins file put it first. */
    record Hit(String drug, String slug, String section, String heading, List<String> path, String anchor, String url,
               float score, String snippet, boolean pinned) {
        static Hit of(SearchResult.Hit h) {
            return new Hit(h.drug(), h.slug(), h.section(), h.heading(), h.path(), h.anchor(), h.url(), h.score(),
                    h.snippet(), false);
        }

        Hit asPinned() {
            return new Hit(drug, slug, section, heading, path, anchor, url, score, snippet, true);
        }
    }

    record Facets(List<FacetValue> section) {
    }

    record FacetValue(String value, long count) {
    }

    record Suggestions(String query, List<Drug> suggestions) {
        static Suggestions of(String query, List<DrugNames.Drug> drugs) {
            return new Suggestions(query, drugs.stream().map(d -> new Drug(d.drug(), d.slug())).toList());
        }
    }

    record Drug(String drug, String slug) {
    }

    record Section(String section, String heading, List<String> path, String anchor, int level, String text) {
    }

    record MonographJson(String drug, String slug, String source, List<Section> sections) {
        static MonographJson of(Monograph m) {
            return new MonographJson(m.drug(), m.slug(), m.source(), m.sections().stream()
                    .map(s -> new Section(s.name(), s.heading(), s.path(), s.anchor(), s.level(), s.text()))
                    .toList());
        }
    }

    record Health(String status, int monographs, int sections, long indexVersion, String contentVersion) {
    }

    record Problem(String source, String reason) {
        static List<Problem> of(List<Corpus.Problem> problems) {
            return problems.stream().map(p -> new Problem(p.source(), p.reason())).toList();
        }
    }

    record Reindex(int seen, int added, int updated, int removed, int unchanged, List<Problem> skipped,
                   List<Problem> warnings, long sections, String fullRebuild, boolean committed, long millis) {
        static Reindex of(ReindexSummary s) {
            return new Reindex(s.seen(), s.added(), s.updated(), s.removed(), s.unchanged(), Problem.of(s.skipped()),
                    Problem.of(s.warnings()), s.sections(), s.fullRebuild(), s.committed(), s.millis());
        }
    }

    record Query(String query, long searches, long zeroResults, long opened) {
        static List<Query> of(List<QueryCounts> counts) {
            return counts.stream().map(c -> new Query(c.query(), c.searches(), c.zeroResults(), c.opened())).toList();
        }
    }

    record Analytics(int days, int minCount, List<Query> top, List<Query> zeroResults, List<Query> unopened) {
        static Analytics of(AnalyticsReport r) {
            return new Analytics(r.days(), r.minCount(), Query.of(r.top()), Query.of(r.zeroResults()), Query.of(r.unopened()));
        }
    }
}
