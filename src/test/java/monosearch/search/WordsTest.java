package monosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Metformin Hydrochloride|metformin hydrochloride",
            "Acétaminophène|acetaminophene",
            "mg/m²|mg/m2",
            "Patient’s|patient's",
            "CO-TRIMOXAZOLE 480|co-trimoxazole 480"})
    void foldsCaseAccentsAndTypographyAlikeForPlainAndAccentedText(String text, String folded) {
        assertEquals(folded, Words.fold(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Amlodipine + Benazepril|amlodipine benazepril",
            "Vitamin B12 (Cyanocobalamin)|vitamin b12 cyanocobalamin",
            "Éphédrine|ephedrine"})
    void splitsOnAnythingNotALetterOrDigit(String text, String words) {
        assertEquals(List.of(words.split(" ")), Words.split(text));
    }
}
