package monosearch.bench;

/**
 * One monograph of the synthetic corpus, before its text is written.
 *
 * @param title   the drug name as the page titles it ("Metformin Hydrochloride", "Caffeine + Cetirizine")
 * @param slug    file name without extension, unique in the corpus
 * @param kind    which page layout it gets
 * @param generic the active ingredient the text talks about
 * @param second  the second ingredient of a combination product, else null
 */
record CorpusEntry(String title, String slug, Kind kind, String generic, String second) {
    enum Kind {
        /** The seed's layout: front matter, H1, seven H3 sections, a bold-label disclaimer. */
        STANDARD,
        /** {@code ### Generic Name: X + Y}, then one H3 per ingredient with {@code **Usage:**} bold-label paragraphs. */
        COMBINATION,
        /** A page that declines to describe an unknown product: front matter and two paragraphs, no headings. */
        REFUSAL
    }

    /** corpus-relative path, {@code <first letter>/<slug>.md}, the layout of the real site. */
    String relativePath() {
        char first = slug.charAt(0);
        String folder = first >= 'a' && first <= 'z' ? String.valueOf(first) : "0";
        return folder + "/" + slug + ".md";
    }
}
