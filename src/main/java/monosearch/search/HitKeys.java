package monosearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import monosearch.index.Schema;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The monograph and section of each of the best matches, from doc values. Docs are visited in index order with
 * one iterator per segment: opening an iterator per doc, or going back in one, costs more than the look-up.
 *
 * @param segment  the segment each doc is in
 * @param slugOrd  the doc's monograph as an ordinal of its segment's slug values
 * @param slug     the doc's monograph
 * @param section  the doc's canonical section name
 * @param ingredients how many drugs the doc's monograph combines (1 for a single drug)
 */
record HitKeys(int[] segment, int[] slugOrd, String[] slug, String[] section, int[] ingredients) {

    static HitKeys of(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        int n = docs.length;
        HitKeys keys = new HitKeys(new int[n], new int[n], new String[n], new String[n], new int[n]);
        Integer[] byDoc = new Integer[n];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues slugs = null;
        SortedDocValues sections = null;
        SortedDocValues drugs = null;
        for (int i : byDoc) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                slugs = DocValues.getSorted(leaf.reader(), Schema.SLUG);
                sections = DocValues.getSorted(leaf.reader(), Schema.SECTION);
                drugs = DocValues.getSorted(leaf.reader(), Schema.DRUG);
            }
            int local = doc - leaf.docBase;
            keys.segment[i] = leaf.ord;
            keys.slugOrd[i] = slugs.advanceExact(local) ? slugs.ordValue() : -1;
            keys.slug[i] = keys.slugOrd[i] < 0 ? "" : slugs.lookupOrd(keys.slugOrd[i]).utf8ToString();
            keys.section[i] = sections.advanceExact(local) ? sections.lookupOrd(sections.ordValue()).utf8ToString() : "";
            keys.ingredients[i] = drugs.advanceExact(local)
                    ? DrugNames.ingredientCount(drugs.lookupOrd(drugs.ordValue()).utf8ToString()) : 1;
        }
        return keys;
    }
}
