package monosearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.search.SectionIntents;
import monosearch.search.Synonyms;

/** Builds the parts the commands need from their options: the one place where things are wired together. */
final class Services {
    private Services() {
    }

    static Reindexer reindexer(IndexOptions options, PrintStream progress) throws IOException {
        SectionNames names = options.sections == null ? SectionNames.bundled() : SectionNames.load(options.sections);
        return new Reindexer(new MonographParser(names), new ProgressLine(progress));
    }

    static Reindexer.Options reindexOptions(IndexOptions options, boolean full) {
        return new Reindexer.Options(options.corpus, options.index, full, options.maxFileBytes,
                Runtime.getRuntime().availableProcessors());
    }

    static SearchService searchService(LiveIndex index, QueryOptions query, String linkTemplate) throws IOException {
        return searchService(index, queryTables(query), linkTemplate);
    }

    static SearchService searchService(LiveIndex index, QueryTables tables, String linkTemplate) {
        return new SearchService(index, tables.synonyms(), tables.intents(), new Links(linkTemplate));
    }

    /** The synonym and intent tables a search service reads queries with. */
    record QueryTables(Synonyms synonyms, SectionIntents intents) {
    }

    static QueryTables queryTables(QueryOptions query) throws IOException {
        SectionIntents intents = query.intents == null ? SectionIntents.bundled() : SectionIntents.load(query.intents);
        Synonyms synonyms = query.synonyms == null ? Synonyms.bundled() : Synonyms.load(query.synonyms);
        return new QueryTables(synonyms, intents);
    }
}
