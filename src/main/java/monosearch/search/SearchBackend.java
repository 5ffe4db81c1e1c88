package monosearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import monosearch.monograph.Monograph;

/**
 * What the web layer asks of a search engine, whichever answers it: the embedded index ({@link SearchService}) or a
 * SolrCloud collection ({@code monosearch.solr.SolrSearch}). Both rank with the same code, so a caller cannot tell
 * them apart except by {@link #stats()}.
 */
public interface SearchBackend {
    SearchResult search(SearchRequest request) throws IOException;

    /**
     * The words of a monograph that a search for {@code query} matches, as written: what its page marks. Empty
     * when the monograph does not exist or nothing in it matches.
     */
    Set<String> matchedWords(String slug, String query) throws IOException;

    /** Drug names for a search box. */
    List<DrugNames.Drug> suggest(String text, int limit) throws IOException;

    /** A whole monograph, rebuilt from the index. */
    Optional<Monograph> monograph(String slug) throws IOException;

    /** Size and version of the index being served. */
    IndexStats stats() throws IOException;

    /**
     * What is served: counts, the commit's generation (or the content's version), when it was committed (epoch ms, 0
     * if unknown), and the digest of the files it holds (equal across servers that indexed the same files; "" if
     * unknown).
     */
    record IndexStats(int monographs, int sections, long version, long committedMillis, String contentVersion) {
    }
}
