package monosearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import monosearch.index.Schema;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
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
        Names names = null;
        for (int i : byDoc) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                slugs = DocValues.getSorted(leaf.reader(), Schema.SLUG);
                sections = DocValues.getSorted(leaf.reader(), Schema.SECTION);
                drugs = DocValues.getSorted(leaf.reader(), Schema.DRUG);
                names = Names.of(leaf.reader(), slugs, sections, drugs);
            }
            int local = doc - leaf.docBase;
            keys.segment[i] = leaf.ord;
            keys.slugOrd[i] = slugs.advanceExact(local) ? slugs.ordValue() : -1;
            keys.slug[i] = keys.slugOrd[i] < 0 ? "" : names.slug(slugs, keys.slugOrd[i]);
            keys.section[i] = sections.advanceExact(local) ? names.section(sections, sections.ordValue()) : "";
            keys.ingredients[i] = drugs.advanceExact(local) ? names.ingredients(drugs, drugs.ordValue()) : 1;
        }
        return keys;
    }

    /**
     * A segment's slugs, section names and drugs' ingredient counts by ordinal, each looked up once: a look-up
     * decompresses a block of the doc values' terms, and the same few thousand monographs come back in every
     * search's best matches. Kept per segment reader (its values never change) until the reader closes.
     * Filled as asked, from any thread: a slot written twice gets the same value.
     */
    private static final class Names {
        private static final PerReader<Names> OF_SEGMENT = new PerReader<>();
        private final String[] slugs;
        private final String[] sections;
        /** 0 where not looked up yet. */
        private final int[] ingredients;

        private Names(int slugs, int sections, int drugs) {
            this.slugs = new String[slugs];
            this.sections = new String[sections];
            this.ingredients = new int[drugs];
        }

        static Names of(LeafReader reader, SortedDocValues slugs, SortedDocValues sections, SortedDocValues drugs)
                throws IOException {
            return OF_SEGMENT.of(reader,
                    () -> new Names(slugs.getValueCount(), sections.getValueCount(), drugs.getValueCount()));
        }

        String slug(SortedDocValues values, int ord) throws IOException {
            return known(slugs, values, ord);
        }

        String section(SortedDocValues values, int ord) throws IOException {
            return known(sections, values, ord);
        }

        private static String known(String[] byOrd, SortedDocValues values, int ord) throws IOException {
            String s = byOrd[ord];
            if (s == null) {
                s = values.lookupOrd(ord).utf8ToString();
                byOrd[ord] = s;
            }
            return s;
        }

        int ingredients(SortedDocValues values, int ord) throws IOException {
            int n = ingredients[ord];
            if (n == 0) {
                n = DrugNames.ingredientCount(values.lookupOrd(ord).utf8ToString());
                ingredients[ord] = n;
            }
            return n;
        }
    }
}
