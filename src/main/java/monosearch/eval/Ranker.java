package monosearch.eval;

import java.io.IOException;
import java.util.List;

/** Something that answers a query with "slug/Section" keys, best first, each at most once. */
public interface Ranker {
    List<String> rank(String query) throws IOException;
}
