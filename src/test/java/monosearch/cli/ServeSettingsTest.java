package monosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** serve checks all it is told before it does anything: a bad setting is one line, and no index is built. */
class ServeSettingsTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a too-short admin token | --admin-token-file=TOKEN                 | at least 16 characters",
            "a refresh too frequent  | --refresh-ms=1                           | at least 10",
            "a missing synonyms file | --synonyms=MISSING                       | MISSING does not exist",
            "a missing intents file  | --intents=MISSING                        | MISSING does not exist",
            "an odd CORS origin      | --cors-origin=wiki.example               | scheme://host[:port]",
            "a link to one page      | --link-template=https://intranet.example | {slug} or {path}",
            "a negative cache        | --cache-mb=-1                            | --cache-mb must be between 0 and",
    })
    void aBadSettingStopsServeBeforeTheIndexIsBuilt(String what, String flag, String message) throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        Path token = Files.writeString(temp.resolve("token"), "short-token\n");
        String arg = flag.replace("TOKEN", token.toString()).replace("MISSING", temp.resolve("missing.txt").toString());
        List<String> args = new ArrayList<>(List.of("serve", "--corpus", t.corpus().toString(), "--index",
                t.index().toString(), "--port", "0", "--warmup-ms", "0", "--exit-after-start"));
        args.add(arg);
        MainTest.Run r = MainTest.run(args.toArray(String[]::new));
        assertEquals(1, r.status(), what + ": " + r.err());
        assertTrue(r.err().contains(message.replace("MISSING", temp.resolve("missing.txt").toString())), r.err());
        assertFalse(r.err().contains("\tat "), "one line, no stack trace");
        assertFalse(Files.exists(t.index()), "no index was built: the settings were refused first");
    }
}
