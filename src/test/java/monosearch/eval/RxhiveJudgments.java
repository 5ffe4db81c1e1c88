package monosearch.eval;

import java.nio.file.Path;

/** Where the RxHive judged set and the corpus it was judged on are. */
final class RxhiveJudgments {
    static final String PROPERTY = "monosearch.rxhive";
    static final String ENV = "MONOSEARCH_RXHIVE";

    private RxhiveJudgments() {
    }

    /** The corpus: the system property, else the environment variable, else ../rxhive/composition beside the project. */
    static Path corpus() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return project().getParent().resolve("rxhive").resolve("composition");
    }

    static Path tuning() {
        return project().resolve("src/test/resources/relevance/rxhive-tuning.tsv");
    }

    static Path heldOut() {
        return project().resolve("src/test/resources/relevance/rxhive-heldout.tsv");
    }

    private static Path project() {
        return Path.of(System.getProperty("monosearch.projectDir", ".")).toAbsolutePath().normalize();
    }
}
