package monosearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The result-cache switch is read from serve --help, however the service names it. */
class CacheSwitchTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--cache-mb=MB   Result cache size (env MONOSEARCH_CACHE_MB; 0 = off) | --cache-mb=0 | --cache-mb=64",
            "--cache-mb=MB   Memory for answers (env MONOSEARCH_CACHE_MB; default: 32; 0 = off) | --cache-mb=0 | --cache-mb=32",
            "--[no-]result-cache   Cache results (default: on) | --no-result-cache | --result-cache",
            "--query-cache   Cache results | '' | --query-cache",
    })
    void theSwitchInTheHelpGivesTheArgumentsForCacheOffAndOn(String help, String off, String on) {
        // CsvSource strips the indentation picocli gives each option line; it is put back below.
        CacheSwitch s = CacheSwitch.in("Usage: monosearch serve [-hV] [--cache-mb=MB] [--[no-]result-cache]\n      --port=N   Port\n      " + help
                + "\n      --watch   Watch (default: 300)\n");
        assertEquals(off.isEmpty() ? List.of() : List.of(off), s.off());
        assertEquals(List.of(on), s.on());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"--port=N   Port", "--max-searches=N   Searches at once",
            "Usage: monosearch serve [--cache-mb=MB]"})
    void aHelpWithoutACacheOptionHasNoSwitch(String help) {
        assertNull(CacheSwitch.in("      " + help));
    }
}
