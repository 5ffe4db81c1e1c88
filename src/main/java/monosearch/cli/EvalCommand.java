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

    /** The judged set and the corpus it is judged on live in the repository, not in the jar. */
    static final Path DEFAULT_JUDGMENTS = Path.of("src/test/resources/relevance/judgments.tsv");
    static final Path DEFAULT_CORPUS = Path.of("corpus");

    @Option(names = "--judgments", paramLabel = "FILE",
            description = "Judged queries: class<TAB>query<TAB>slug/Section=grade;... (default: the project's judged set, "
                    + "src/test/resources/relevance/judgments.tsv, when run from the repository root).")
    Path judgments;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A corpus to index; repeat for several (default: corpus and ../shared/corpus-fda where present, "
                    + "when run from the repository root).")
    List<Path> corpora;

    @Option(names = "--failures", description = "Also list the queries whose first answer was not relevant.")
    boolean showFailures;

    @Mixin
    QueryOptions query;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = corpora != null ? corpora : defaultCorpora();
        Path judgmentsFile = judgments != null ? judgments : repositoryDefault(DEFAULT_JUDGMENTS, "--judgments FILE");
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("corpus folder " + dir.toAbsolutePath() + " does not exist");
            }
        }
        List<JudgedQuery> judged = Judgments.load(judgmentsFile);
        try (EvalWorkspace workspace = EvalWorkspace.create(dirs, index -> Services.searchService(index, query, null))) {
            List<JudgedQuery> covered = new ArrayList<>();
            List<String> unindexed = new ArrayList<>();
            for (JudgedQuery q : judged) {
                if (workspace.covers(q)) {
                    covered.add(q);
                    unindexed.addAll(workspace.unindexed(q));
                }
            }
            if (covered.isEmpty()) {
                throw new IllegalArgumentException("none of the " + judged.size() + " judged queries in " + judgmentsFile
                        + " has its answers in " + dirs + "; give the corpus they were judged on with --corpus DIR");
            }
            if (!unindexed.isEmpty()) {
                main.out.printf("warning: %d judged sections are not sections of their indexed monograph (e.g. %s): "
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
        List<Path> dirs = new ArrayList<>(List.of(repositoryDefault(DEFAULT_CORPUS, "--corpus DIR")));
        Path fda = Path.of("..", "shared", "corpus-fda");
        if (Files.isDirectory(fda)) {
            dirs.add(fda);
        }
        return dirs;
    }

    /** A default that only exists in the repository: from anywhere else, a message that says what to do. */
    private static Path repositoryDefault(Path path, String option) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("the default " + path + " is not in " + Path.of("").toAbsolutePath()
                    + "; run eval from the repository root, or give " + option);
        }
        return path;
    }
}
