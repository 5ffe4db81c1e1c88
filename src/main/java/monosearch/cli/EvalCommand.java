package monosearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import monosearch.eval.EvalReport;
import monosearch.eval.EvalWorkspace;
import monosearch.eval.Evaluation;
import monosearch.eval.JudgedQuery;
import monosearch.eval.Judgments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure ranking quality: index the corpora in a temporary folder, run a judged query set, "
                + "and print P@1, Drug@1, MRR@10, nDCG@10 and Recall@10 per query class and overall, next to a plain "
                + "baseline (StandardAnalyzer, BM25 on the body text only).")
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--judgments", paramLabel = "FILE", defaultValue = "src/test/resources/relevance/judgments.tsv",
            description = "Judged queries: class<TAB>query<TAB>slug/Section=grade;... (default: ${DEFAULT-VALUE}).")
    Path judgments;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A corpus to index; repeat for several (default: corpus and ../shared/corpus-fda where present).")
    List<Path> corpora;

    @Option(names = "--failures", description = "Also list the queries whose first answer was not relevant.")
    boolean showFailures;

    @Mixin
    QueryOptions query;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = corpora != null ? corpora : defaultCorpora();
        List<JudgedQuery> judged = Judgments.load(judgments);
        try (EvalWorkspace workspace = EvalWorkspace.create(dirs, index -> Services.searchService(index, query, null))) {
            List<JudgedQuery> covered = new ArrayList<>();
            List<String> unindexed = new ArrayList<>();
            for (JudgedQuery q : judged) {
                if (workspace.covers(q)) {
                    covered.add(q);
                    unindexed.addAll(workspace.unindexed(q));
                }
            }
            if (!unindexed.isEmpty()) {
                System.out.printf("warning: %d judged sections are not sections of their indexed monograph (e.g. %s): "
                        + "the judgments follow another heading-to-section mapping; regenerate them%n%n",
                        unindexed.size(), String.join(", ", unindexed.subList(0, Math.min(5, unindexed.size()))));
            }
            EvalReport report = new Evaluation(workspace.monosearch(), workspace.baseline()).run(covered);
            main.out.printf("%d judged queries over %s (%d skipped: their answers are in a corpus not given)%n%n",
                    covered.size(), dirs, judged.size() - covered.size());
            main.out.print(report.table());
            if (showFailures) {
                main.out.println();
                report.failures().forEach(f -> main.out.println("miss: " + f));
            }
        }
        return 0;
    }

    private static List<Path> defaultCorpora() {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("corpus")));
        Path fda = Path.of("..", "shared", "corpus-fda");
        if (Files.isDirectory(fda)) {
            dirs.add(fda);
        }
        return dirs;
    }
}
