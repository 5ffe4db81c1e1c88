package monosearch.testing;

import java.io.IOException;
import java.nio.file.Path;
import monosearch.search.Links;
import monosearch.search.LiveIndex;
import monosearch.search.SearchService;

/** The bundled corpus indexed under a temporary folder, with a search service over it. */
public final class BundledSearch implements AutoCloseable {
    private final LiveIndex index;
    private final SearchService search;

    private BundledSearch(LiveIndex index) {
        this.index = index;
        this.search = SearchService.withDefaults(index, new Links(null));
    }

    public static BundledSearch create(Path temp) throws IOException {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        t.reindex();
        return new BundledSearch(LiveIndex.open(t.index(), 0));
    }

    public SearchService search() {
        return search;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
