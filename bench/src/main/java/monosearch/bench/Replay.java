package monosearch.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Traffic with the repetition real traffic has, built from the distinct queries: a few are asked very often and
 * most rarely (Zipf over a seeded ranking of them), and half of the searches are typed into the search page,
 * which sends a request for every prefix. What the page sends is read from src/main/resources/web/assets/app.js:
 * 120 ms after each keystroke (a debounce) it sends {@code /api/search?q=<box, trimmed>&limit=20&offset=0} and,
 * when the trimmed box holds at least two characters, {@code /api/suggest?q=<box>&limit=6}. The replay assumes
 * keystrokes slower than the debounce (about 5 a second), so each one reaches the server; a trailing space trims
 * to the previous prefix, and the page then asks for it again, as the replay does.
 */
public final class Replay {
    static final double ZIPF_EXPONENT = 1.0;
    static final int PAGE_SIZE = 20;
    static final int SUGGEST_LIMIT = 6;

    /**
     * The request paths in order, and what they are made of.
     *
     * @param paths          URL paths with query strings, in the order they are sent
     * @param sessions       searches replayed, typed or not
     * @param typed          of which typed letter by letter
     * @param searches       /api/search requests
     * @param distinctSearch different /api/search requests among them
     */
    public record Traffic(List<String> paths, int sessions, int typed, int searches, int distinctSearch) {
        public Traffic {
            paths = List.copyOf(paths);
        }

        public int suggests() {
            return paths.size() - searches;
        }
    }

    private Replay() {
    }

    /** {@code sessions} searches drawn Zipf-like from {@code queries}; half of them typed, half sent whole. */
    public static Traffic build(List<BenchQuery> queries, long seed, int sessions) {
        Random r = new Random(seed * 17 + 2);
        List<BenchQuery> ranked = new ArrayList<>(queries);
        Collections.shuffle(ranked, r);
        Zipf<BenchQuery> popular = new Zipf<>(ranked, ZIPF_EXPONENT);
        List<String> paths = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        int typed = 0;
        int searches = 0;
        for (int s = 0; s < sessions; s++) {
            String text = popular.next(r).text();
            List<String> boxes = r.nextBoolean() ? typing(text) : List.of(text.strip());
            if (boxes.size() > 1) {
                typed++;
            }
            for (String box : boxes) {
                String search = searchPath(box);
                paths.add(search);
                distinct.add(search);
                searches++;
                if (boxes.size() > 1 && box.length() >= 2) {
                    paths.add("/api/suggest?q=" + encode(box) + "&limit=" + SUGGEST_LIMIT);
                }
            }
        }
        return new Traffic(paths, sessions, typed, searches, distinct.size());
    }

    /** The search box after each keystroke, trimmed as the page trims it; empty boxes send nothing. */
    static List<String> typing(String text) {
        List<String> out = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            String box = text.substring(0, end).strip();
            if (!box.isEmpty()) {
                out.add(box);
            }
        }
        return out;
    }

    static String searchPath(String box) {
        return "/api/search?q=" + encode(box) + "&limit=" + PAGE_SIZE + "&offset=0";
    }

    /** As the page's URLSearchParams encodes: a space becomes {@code +}. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
