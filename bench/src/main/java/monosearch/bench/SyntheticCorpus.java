package monosearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * A deterministic corpus of N monographs in the seed's format: every real drug of the vocabulary once, then
 * salts and dosage forms of them, combination products, brand names and a few refusal pages; 3–9 KB each
 * (refusals are shorter, as on the real site). The same seed and N give the same files, byte for byte.
 */
public final class SyntheticCorpus {
    /** Monograph sizes are drawn uniformly from this range; the real site's pages are 3–9 KB. */
    static final int MIN_BYTES = 3_100;
    static final int MAX_BYTES = 8_700;
    private static final double COMBINATION = 0.06;
    private static final double REFUSAL = 0.02;
    private static final double DOSAGE_FORM = 0.45;

    /** What was written. */
    public record Written(Path root, int files, long bytes) {
    }

    private final Vocabulary vocabulary;
    private final long seed;
    private final MonographWriter writer;

    public SyntheticCorpus(Vocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
        this.writer = new MonographWriter(vocabulary);
    }

    /** The monographs' names and kinds; drawn in sequence because slugs must be unique. */
    List<CorpusEntry> entries(int n) {
        List<String> drugs = vocabulary.drugs();
        Zipf<String> popular = new Zipf<>(drugs, 0.8);
        List<String> forms = vocabulary.group("forms");
        Random random = new Random(seed);
        Set<String> slugs = new HashSet<>();
        List<CorpusEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CorpusEntry e = null;
            for (int attempt = 0; e == null; attempt++) {
                CorpusEntry candidate = i < drugs.size()
                        ? standard(drugs.get(i), drugs.get(i))
                        : draw(random, popular, forms, attempt);
                if (slugs.add(candidate.slug())) {
                    e = candidate;
                }
            }
            out.add(e);
        }
        return out;
    }

    private CorpusEntry draw(Random random, Zipf<String> popular, List<String> forms, int attempt) {
        double kind = random.nextDouble();
        if (kind < COMBINATION) {
            String a = popular.next(random);
            String b = popular.next(random);
            if (a.equals(b)) {
                b = vocabulary.drugs().get(random.nextInt(vocabulary.drugs().size()));
            }
            return new CorpusEntry(a + " + " + b, slug(a + " " + b), CorpusEntry.Kind.COMBINATION, a, b);
        }
        if (kind < COMBINATION + REFUSAL) {
            String name = brand(random, attempt);
            return new CorpusEntry(name, slug(name), CorpusEntry.Kind.REFUSAL, name, null);
        }
        String drug = popular.next(random);
        // Salts and forms run out for the popular drugs; after a few collisions fall back to brand names.
        if (kind < COMBINATION + REFUSAL + DOSAGE_FORM && attempt < 3) {
            String form = forms.get(random.nextInt(forms.size()));
            return standard(drug + " " + form, drug + " " + form.toLowerCase(Locale.ROOT));
        }
        return standard(brand(random, attempt), drug);
    }

    private static CorpusEntry standard(String title, String generic) {
        return new CorpusEntry(title, slug(title), CorpusEntry.Kind.STANDARD, generic, null);
    }

    /** An invented brand name of two or three syllables, "Zeravex"; longer after repeated collisions. */
    private String brand(Random random, int attempt) {
        List<String> start = vocabulary.group("brand-start");
        List<String> middle = vocabulary.group("brand-middle");
        List<String> end = vocabulary.group("brand-end");
        StringBuilder name = new StringBuilder(start.get(random.nextInt(start.size())));
        int middles = random.nextInt(2) + attempt / 4;
        for (int k = 0; k < middles; k++) {
            name.append(middle.get(random.nextInt(middle.size())));
        }
        name.append(end.get(random.nextInt(end.size())));
        return name.toString();
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The text of monograph {@code index} of the corpus; depends only on the seed, the entry and the index. */
    String text(CorpusEntry entry, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        FormatVariations v = FormatVariations.draw(random);
        int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1);
        return writer.write(entry, v, target, random);
    }

    /** Writes N monographs under {@code root} as {@code <letter>/<slug>.md}. */
    public Written write(Path root, int n) throws IOException {
        List<CorpusEntry> entries = entries(n);
        Set<String> folders = new HashSet<>();
        for (CorpusEntry e : entries) {
            String folder = e.relativePath().substring(0, e.relativePath().indexOf('/'));
            if (folders.add(folder)) {
                Files.createDirectories(root.resolve(folder));
            }
        }
        AtomicLong bytes = new AtomicLong();
        try {
            // Each file has its own random stream, so writing in parallel keeps the corpus deterministic.
            IntStream.range(0, entries.size()).parallel().forEach(i -> {
                CorpusEntry e = entries.get(i);
                byte[] content = text(e, i).getBytes(StandardCharsets.UTF_8);
                try {
                    Files.write(root.resolve(e.relativePath()), content);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                bytes.addAndGet(content.length);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Written(root, entries.size(), bytes.get());
    }
}
