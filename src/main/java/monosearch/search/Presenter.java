package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import monosearch.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Turns the ranked matches of a page into hits: names, links, highlighted snippets. */
final class Presenter {
    private static final Set<String> HIT_FIELDS = Set.of(Schema.DRUG, Schema.SLUG, Schema.SOURCE, Schema.SECTION,
            Schema.HEADING, Schema.PATH, Schema.ANCHOR, Schema.BODY);

    private final Snippets snippets;
    private final Links links;

    Presenter(Analyzer analyzer, Links links) {
        this.snippets = new Snippets(analyzer);
        this.links = links;
    }

    List<SearchResult.Hit> hits(IndexSearcher searcher, Query highlight, List<ScoreDoc> page, LookedUpTerms terms)
            throws IOException {
        int[] ids = page.stream().mapToInt(d -> d.doc).toArray();
        StoredFields stored = searcher.storedFields();
        Document[] docs = new Document[ids.length];
        String[] bodies = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            docs[i] = stored.document(ids[i], HIT_FIELDS);
            bodies[i] = docs[i].get(Schema.BODY);
        }
        String[] texts = snippets.forDocs(searcher, highlight, ids, bodies, terms);
        List<SearchResult.Hit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Document d = docs[i];
            String slug = d.get(Schema.SLUG);
            String anchor = d.get(Schema.ANCHOR);
            hits.add(new SearchResult.Hit(d.get(Schema.DRUG), slug, d.get(Schema.SECTION), d.get(Schema.HEADING),
                    Schema.splitPath(d.get(Schema.PATH)), anchor, links.of(slug, d.get(Schema.SOURCE), anchor),
                    page.get(i).score, texts[i]));
        }
        return hits;
    }

    /** The words of these sections the query matched, as written, for marking them on a page. */
    Set<String> matchedWords(IndexSearcher searcher, Query highlight, int[] docIds) throws IOException {
        StoredFields stored = searcher.storedFields();
        String[] bodies = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            bodies[i] = stored.document(docIds[i], Set.of(Schema.BODY)).get(Schema.BODY);
        }
        return snippets.matchedWords(searcher, highlight, docIds, bodies);
    }

    /**
     * The query with its corrections, when a typed word matches nothing indexed. Asked only when the search,
     * which matched the corrections in place of those words, found something: the correction finds more than
     * the words as typed, which find nothing. Words a synonym matched are no typos, so never corrected.
     */
    static String suggestion(String typed, Understanding understood) {
        if (understood.corrections().isEmpty()) {
            return null;
        }
        String corrected = Typos.apply(typed, understood.corrections());
        return corrected.equalsIgnoreCase(typed) ? null : corrected;
    }
}
