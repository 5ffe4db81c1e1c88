package monosearch.search;

import java.io.IOException;
import java.util.List;

/**
 * Everything understanding a query and building its Lucene queries asks of the index: how often a word is
 * written, what a prefix completes to, what a misspelled word is near, which drugs words name, how many other
 * sections hold a phrase. One index answers for itself; a collection of shards answers once, collection-wide,
 * and its answers are replayed on every shard, so every shard builds the same query.
 */
interface IndexFacts {
    /** Sections holding the analysed term in any text field. */
    int docFreq(String term) throws IOException;

    /** Indexed words starting with a normalised prefix, the most frequent first. */
    List<String> completions(String prefix, int max) throws IOException;

    /** Indexed words close to a term indexed nowhere, closest and most frequent first. */
    List<String> typos(String term) throws IOException;

    /** Sections outside the given monographs holding the words as a phrase. */
    int sectionsElsewhere(String phrase, List<String> slugs) throws IOException;

    List<DrugNames.Mention> mentionsIn(List<String> words);

    DrugNames.Mention named(List<String> words);

    boolean anyWordStartsWith(String word);
}
