package monosearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import monosearch.index.ReindexSummary;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.search.SectionIntents;
import monosearch.search.Synonyms;
import monosearch.solr.SolrNodes;
import monosearch.solr.SolrReindexer;

/** Builds the parts the commands need from their options: the one place where things are wired together. */
final class Services {
    private Services() {
    }

    static Reindexer reindexer(IndexSettings settings, Consumer<String> progress) throws IOException {
        return reindexer(sectionNames(settings.sections()), progress);
    }

    static Reindexer reindexer(SectionNames names, Consumer<String> progress) {
        return new Reindexer(new MonographParser(names), new ProgressLine(progress));
    }

    /** With a progress of the command's own (the reindex command's test-only pause wraps its progress line). */
    static Reindexer reindexerReporting(IndexSettings settings, Reindexer.Progress progress) throws IOException {
        return new Reindexer(new MonographParser(sectionNames(settings.sections())), progress);
    }

    /** A reindex into SolrCloud, with the corpus settings of an embedded one. */
    static ReindexSummary solrReindex(IndexSettings settings, SolrReindexSettings solr, boolean full,
                                      Reindexer.Progress progress) throws IOException {
        try (SolrNodes nodes = SolrNodes.forReindex(solr.target().nodes())) {
            nodes.checkReachable();
            SolrReindexer reindexer = new SolrReindexer(nodes, solr.target().collection(),
                    new MonographParser(sectionNames(settings.sections())), progress);
            return reindexer.run(new SolrReindexer.Options(settings.corpus(), settings.maxFileBytes(), full,
                    solr.shards(), solr.replicas(), solr.configSet(), Runtime.getRuntime().availableProcessors(),
                    solr.lockMillis()));
        }
    }

    static SectionNames sectionNames(Path file) throws IOException {
        return file == null ? SectionNames.bundled() : SectionNames.load(file);
    }

    static Reindexer.Options reindexOptions(IndexSettings settings, boolean full) {
        return new Reindexer.Options(settings.corpus(), settings.index(), full, settings.maxFileBytes(),
                Runtime.getRuntime().availableProcessors());
    }

    static SearchService searchService(LiveIndex index, QueryOptions query, String linkTemplate) throws IOException {
        return searchService(index, queryTables(query.intents, query.synonyms), linkTemplate);
    }

    static SearchService searchService(LiveIndex index, QueryTables tables, String linkTemplate) {
        return new SearchService(index, tables.synonyms(), tables.intents(), new Links(linkTemplate));
    }

    /** The synonym and intent tables a search service reads queries with. */
    record QueryTables(Synonyms synonyms, SectionIntents intents) {
    }

    static QueryTables queryTables(Path intentsFile, Path synonymsFile) throws IOException {
        SectionIntents intents = intentsFile == null ? SectionIntents.bundled() : SectionIntents.load(intentsFile);
        Synonyms synonyms = synonymsFile == null ? Synonyms.bundled() : Synonyms.load(synonymsFile);
        return new QueryTables(synonyms, intents);
    }
}
