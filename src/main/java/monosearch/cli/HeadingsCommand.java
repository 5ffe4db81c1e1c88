package monosearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import monosearch.monograph.Corpus;
import monosearch.monograph.CorpusFile;
import monosearch.monograph.MonographParser;
import monosearch.monograph.ParsedMonograph;
import monosearch.monograph.Section;
import monosearch.monograph.SectionNames;
import monosearch.monograph.SourceText;
import monosearch.monograph.CorpusScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "headings", mixinStandardHelpOptions = true,
        description = "Show how the headings of a corpus land in sections: for each section name, how many "
                + "sections it holds and the headings (as written, at the deepest level) that landed there. "
                + "Reads the corpus only; the index is not touched.")
final class HeadingsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    IndexOptions options;

    @Option(names = "--variants", paramLabel = "N", defaultValue = "8",
            description = "Heading variants listed per section, most frequent first (default: ${DEFAULT-VALUE}).")
    int variants;

    @Override
    public Integer call() throws Exception {
        SectionNames names = Services.sectionNames(options.sections);
        MonographParser parser = new MonographParser(names);
        Corpus corpus = new CorpusScanner(options.maxFileBytes).scan(options.corpus);
        Map<String, Map<String, Integer>> headingsBySection = new TreeMap<>();
        int sections = 0;
        int unreadable = 0;
        for (CorpusFile f : corpus.files()) {
            ParsedMonograph parsed;
            try {
                parsed = parser.parse(f.slug(), f.source(), SourceText.decode(Files.readAllBytes(f.path())));
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // reindex reports why; here it is enough that its headings are not counted.
                unreadable++;
                continue;
            }
            for (Section s : parsed.monograph().sections()) {
                headingsBySection.computeIfAbsent(s.name(), k -> new TreeMap<>()).merge(s.heading(), 1, Integer::sum);
                sections++;
            }
        }
        main.out.printf("%d files (%d unreadable: see reindex), %d sections in %d section names%n",
                corpus.files().size(), unreadable, sections, headingsBySection.size());
        headingsBySection.entrySet().stream()
                .sorted((a, b) -> Integer.compare(total(b.getValue()), total(a.getValue())))
                .forEach(e -> {
                    main.out.printf("%n%7d  %s%n", total(e.getValue()), e.getKey());
                    e.getValue().entrySet().stream()
                            .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                            .limit(variants)
                            .forEach(h -> main.out.printf("%7d    %s%n", h.getValue(), h.getKey()));
                    if (e.getValue().size() > variants) {
                        main.out.printf("           ... and %d more headings%n", e.getValue().size() - variants);
                    }
                });
        return 0;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
