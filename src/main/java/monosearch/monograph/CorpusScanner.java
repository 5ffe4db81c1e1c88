package monosearch.monograph;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the monograph files of a corpus folder: {@code *.md} and {@code *.markdown}, not README files, nothing
 * hidden. Follows symbolic links, but never round a loop.
 */
public final class CorpusScanner {
    private final long maxFileBytes;

    public CorpusScanner(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public Corpus scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "corpus folder not found");
        }
        List<CorpusFile> found = new ArrayList<>();
        List<Corpus.Problem> problems = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base) && isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || isHidden(file) || !isMonographName(file)) {
                    return FileVisitResult.CONTINUE;
                }
                String source = relative(base, file);
                if (attrs.size() > maxFileBytes) {
                    problems.add(new Corpus.Problem(source,
                            "larger than the " + maxFileBytes + "-byte limit (" + attrs.size() + " bytes)"));
                } else if (!Files.isReadable(file)) {
                    problems.add(new Corpus.Problem(source, "not readable (permission denied)"));
                } else {
                    found.add(new CorpusFile(file, source, slugOf(file), attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String reason = e instanceof FileSystemLoopException
                        ? "symbolic link loop, not followed"
                        : "cannot be read (" + e.getClass().getSimpleName() + ")";
                if (isMonographName(file) || Files.isDirectory(file) || e instanceof FileSystemLoopException) {
                    problems.add(new Corpus.Problem(relative(base, file), reason));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(CorpusFile::source));
        return new Corpus(uniqueSlugs(found, problems), problems);
    }

    /** The first file keeps a slug; later ones with the same slug get "-2", "-3", ... and a warning. */
    private static List<CorpusFile> uniqueSlugs(List<CorpusFile> files, List<Corpus.Problem> problems) {
        Set<String> taken = new HashSet<>();
        for (CorpusFile f : files) {
            taken.add(f.slug());
        }
        Set<String> used = new HashSet<>();
        List<CorpusFile> out = new ArrayList<>(files.size());
        for (CorpusFile f : files) {
            String slug = f.slug();
            if (!used.add(slug)) {
                int n = 2;
                while (taken.contains(slug + "-" + n) || used.contains(slug + "-" + n)) {
                    n++;
                }
                String unique = slug + "-" + n;
                used.add(unique);
                problems.add(new Corpus.Problem(f.source(), "slug '" + slug + "' is already used; indexed as '" + unique + "'"));
                f = new CorpusFile(f.path(), f.source(), unique, f.size(), f.modified());
            }
            out.add(f);
        }
        return out;
    }

    static boolean isMonographName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean markdown = name.endsWith(".md") || name.endsWith(".markdown");
        return markdown && !name.startsWith("readme.");
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String slugOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
