package monosearch.bench;

import java.util.random.RandomGenerator;

/**
 * The ways a real corpus deviates from the seed's format, drawn per file. Rates are rough guesses at a scraped
 * site: most pages are regular, a few in a hundred carry each quirk.
 *
 * @param trailingColons   {@code ### Usage:}
 * @param aliasHeadings    {@code ### Adverse Effects}, {@code ### Mechanism of Action}, ...
 * @param lowerCaseHeading {@code ### Side effects}
 * @param subHeadings      {@code #### Adults} / {@code #### Children} under Dosage
 * @param noFrontMatter    the file starts at the H1
 * @param crlf             Windows line endings
 * @param curlyQuotes      ’ “ ” instead of ASCII quotes
 * @param htmlEntities     {@code &amp;}, {@code &#39;}, {@code &nbsp;}, {@code &lt;}
 * @param misDecoded       UTF-8 decoded twice: {@code mg/mÂ²}, {@code patientâ€™s}
 */
record FormatVariations(boolean trailingColons, boolean aliasHeadings, boolean lowerCaseHeading, boolean subHeadings,
                        boolean noFrontMatter, boolean crlf, boolean curlyQuotes, boolean htmlEntities,
                        boolean misDecoded) {

    static final FormatVariations NONE = new FormatVariations(false, false, false, false, false, false, false, false, false);

    static FormatVariations draw(RandomGenerator random) {
        boolean curly = random.nextDouble() < 0.12;
        boolean entities = random.nextDouble() < 0.06;
        // Mis-decoded pages are whole-file accidents; they do not also carry hand-typed curly quotes.
        boolean misDecoded = !curly && !entities && random.nextDouble() < 0.04;
        return new FormatVariations(
                random.nextDouble() < 0.08,
                random.nextDouble() < 0.08,
                random.nextDouble() < 0.04,
                random.nextDouble() < 0.10,
                random.nextDouble() < 0.04,
                random.nextDouble() < 0.03,
                curly, entities, misDecoded);
    }
}
