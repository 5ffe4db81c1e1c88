package monosearch.bench;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the server with the query set over keep-alive connections: with wrk when it is on the PATH (a C load
 * generator costs the two cores less than one in Java), else with {@link JavaHttpLoad}.
 */
final class HttpLoad {
    /** What generates load. */
    interface Generator {
        /** Cycles through {@code paths} for {@code seconds}; {@code serverTimes}: read each answer's tookMs. */
        HttpFigures run(String label, int port, List<String> paths, int connections, double seconds, boolean serverTimes)
                throws IOException;

        /** Sends each of {@code paths} once, reading each answer's tookMs; stops after {@code limitSeconds} if not done. */
        HttpFigures runEach(String label, int port, List<String> paths, int connections, double limitSeconds)
                throws IOException;

        String name();
    }

    private HttpLoad() {
    }

    /** {@code auto}: wrk if found; {@code wrk} or {@code java} to insist. */
    static Generator choose(String tool, Path workDir) throws IOException {
        Path wrk = findOnPath("wrk");
        return switch (tool) {
            case "java" -> new JavaHttpLoad();
            case "wrk" -> {
                if (wrk == null) {
                    throw new IOException("wrk is not on the PATH (Debian: apt-get install wrk)");
                }
                yield new WrkLoad(wrk, workDir);
            }
            default -> wrk != null ? new WrkLoad(wrk, workDir) : new JavaHttpLoad();
        };
    }

    /** /api/search URLs of the query set, in order: uncached, as every query differs from the one before. */
    static List<String> searchPaths(List<BenchQuery> queries) {
        List<String> paths = new ArrayList<>(queries.size());
        for (BenchQuery q : queries) {
            paths.add("/api/search?q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
        }
        return paths;
    }

    static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
