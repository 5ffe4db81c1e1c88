package monosearch.solrplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import monosearch.monograph.Monograph;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.search.Planned;
import monosearch.search.QueryPlanner;
import monosearch.search.SearchRequest;
import monosearch.search.SearchResult;
import org.apache.commons.io.file.PathUtils;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the embedded engine's ranking meets the shards, on crafted monographs in a collection of their own: equal
 * scores spread over both shards, and a section that its own shard's first pass reaches but the collection's does
 * not. Solr must list exactly what one index lists.
 */
@ExtendWith(SharedCorpus.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingAcrossShardsTest {
    private static final String COLLECTION = "crafted";
    /** Sections whose scores all tie: more than one page of them. */
    private static final int TIED = 24;
    /** Sections above the target in the first pass: more than its depth, fewer than twice it. */
    private static final int AHEAD = 120;
    private static final String TARGET = "near-target";

    private final Cluster cluster;
    private final Embedded embedded;
    private final Path dir;

    RankingAcrossShardsTest(SharedCorpus.Indexed indexed) throws Exception {
        cluster = indexed.cluster;
        List<Monograph> monographs = crafted();
        cluster.create(COLLECTION);
        cluster.index(COLLECTION, monographs);
        // The embedded index gets them in another order: its doc ids must not decide which tied section comes first.
        List<Monograph> shuffled = new ArrayList<>(monographs);
        Collections.shuffle(shuffled, new Random(7));
        dir = Files.createTempDirectory("monosearch-crafted");
        embedded = new Embedded(shuffled, dir);
    }

    @AfterAll
    void close() throws Exception {
        try (embedded) {
            cluster.delete(COLLECTION);
        } finally {
            PathUtils.deleteDirectory(dir);
        }
    }

    @Test
    void equalScoresOnBothShardsComeByMonographAsFromOneIndexNotShardByShard() throws Exception {
        for (int offset : new int[] {0, 10}) {
            SearchResult mine = embeddedPage("glimmerpox", offset);
            List<String> slugs = mine.hits().stream().map(SearchResult.Hit::slug).toList();
            assertEquals(1, mine.hits().stream().map(SearchResult.Hit::score).distinct().count(), "not all tied: " + slugs);
            assertEquals(slugs.stream().sorted().toList(), slugs);
            Set<String> first = onShard("shard1");
            assertTrue(slugs.stream().anyMatch(first::contains) && !first.containsAll(slugs),
                    "the tied sections of the page should be on both shards: " + slugs);
            assertEquals(keys(mine), solrPage("glimmerpox", offset), "page at " + offset);
        }
    }

    @Test
    void aSectionOnlyItsOwnShardsFirstPassReachesIsNotRaisedByProximity() throws Exception {
        int depth = Planned.depth(QueryPlanner.window(0, 10));
        Set<String> targetShard = onShard("shard1").contains(TARGET) ? onShard("shard1") : onShard("shard2");
        long aheadThere = targetShard.stream().filter(s -> s.startsWith("far-")).count();
        assertTrue(AHEAD > depth && aheadThere < depth,
                aheadThere + " of " + AHEAD + " sections ahead of the target on its shard: the case needs fewer than " + depth);

        SearchResult mine = embeddedPage("velnor quist", 0);
        assertFalse(keys(mine).stream().anyMatch(k -> k.startsWith(TARGET + "/")), "the target is beyond the first pass: " + keys(mine));
        // Had it been rescored, its words standing together would have put it first.
        SearchResult alone = embedded.search.search(new SearchRequest("velnor quist", List.of(), List.of(TARGET), 10, 0));
        assertTrue(alone.hits().get(0).score() > mine.hits().get(0).score(), alone.hits() + " vs " + mine.hits().get(0));

        assertEquals(keys(mine), solrPage("velnor quist", 0));
    }

    private SearchResult embeddedPage(String query, int offset) throws Exception {
        return embedded.search.search(new SearchRequest(query, List.of(), List.of(), 10, offset));
    }

    private List<String> solrPage(String query, int offset) throws Exception {
        return SolrSearch.search(cluster.client(), COLLECTION, query, offset, 10).hits().stream()
                .map(h -> h.slug() + "/" + h.anchor()).toList();
    }

    private static List<String> keys(SearchResult result) {
        return result.hits().stream().map(h -> h.slug() + "/" + h.anchor()).toList();
    }

    /** The monographs one shard of the collection holds. */
    private Set<String> onShard(String shard) throws Exception {
        SolrQuery q = new SolrQuery("*:*").addFilterQuery("position:0").setFields("slug").setRows(10_000);
        q.set("shards", shard);
        Set<String> out = new HashSet<>();
        for (SolrDocument d : cluster.client().query(COLLECTION, q).getResults()) {
            out.add((String) d.getFieldValue("slug"));
        }
        return out;
    }

    /**
     * TIED monographs with the same one section (equal scores); AHEAD with "velnor" and "quist" far apart in a short
     * section, all tied too; and the target, with the two words side by side in a longer section, so its first-pass
     * score is below all of theirs and its rescored score above.
     */
    private static List<Monograph> crafted() {
        MonographParser parser = new MonographParser(SectionNames.bundled());
        List<Monograph> out = new ArrayList<>();
        for (int i = 1; i <= TIED; i++) {
            out.add(monograph(parser, String.format("tie-%02d", i), "Glimmerpox may occur in some patients."));
        }
        for (int i = 1; i <= AHEAD; i++) {
            out.add(monograph(parser, String.format("far-%03d", i),
                    "Velnor was seen in a few patients over several months before any quist."));
        }
        // Side by side but the other way round: the first pass's phrase (the query's words in order) misses them,
        // proximity's looser phrase does not.
        out.add(monograph(parser, TARGET, "Quist velnor was seen in a few patients over several months before the dose was lowered."));
        return out;
    }

    private static Monograph monograph(MonographParser parser, String slug, String sideEffects) {
        String drug = "Crafted " + slug.replace('-', ' ');
        String text = "---\nlayout: minimal-medicine\ntitle: " + drug + "\n---\n\n# " + drug + "\n\n### Generic Name\n\n"
                + drug + "\n\n### Side Effects\n\n" + sideEffects + "\n";
        return parser.parse(slug, slug + ".md", SourceText.decode(text.getBytes(StandardCharsets.UTF_8))).monograph();
    }
}
