package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --link-template: where a hit links to, from its slug, its source path and its anchor. */
class LinksTest {
    @ParameterizedTest(name = "{0} for {1}, {2}, {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|clofarabine|c/clofarabine.md|side-effects|/monographs/clofarabine#side-effects",
            "''|clofarabine|c/clofarabine.md|side-effects|/monographs/clofarabine#side-effects",
            "https://intranet.example/composition/{path}/#{anchor}|clofarabine|c/clofarabine.md|side-effects|https://intranet.example/composition/c/clofarabine/#side-effects",
            "https://wiki.example/{slug}.html#{anchor}|warfarin-2|b/warfarin.markdown|usage|https://wiki.example/warfarin-2.html#usage",
            "https://x.example/{path}|a|deep/er/a.b.md|usage|https://x.example/deep/er/a.b",
            "https://x.example/{slug}/{slug}#{anchor}|a|a.md|x|https://x.example/a/a#x",
            "https://x.example/{path}#{anchor}|a|a/a.md|''|https://x.example/a/a",
            "/monographs/{slug}#{anchor}|a|a/a.md|''|/monographs/a",
            "https://x.example/fixed|a|a/a.md|usage|https://x.example/fixed"})
    void placeholdersAreFilledAndAnEmptyAnchorLeavesNoHash(String template, String slug, String source, String anchor,
                                                           String url) {
        assertEquals(url, new Links(template).of(slug, source, anchor));
    }
}
