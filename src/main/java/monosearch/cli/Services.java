package monosearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import monosearch.index.DrugTextAnalyzer;
import monosearch.index.Reindexer;
import monosearch.monograph.MonographParser;
import monosearch.monograph.SectionNames;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;
import monosearch.search.SectionIntents;

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

    static SearchService searchService(LiveIndex index, Path intentsFile, String linkTemplate) throws IOException {
        SectionIntents intents = intentsFile == null ? SectionIntents.bundled() : SectionIntents.load(intentsFile);
        return new SearchService(index, DrugTextAnalyzer.forQueries(null), intents, new Links(linkTemplate));
    }
}
