package monosearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * serve and reindex with --solr check what they are told before they send anything, and say in one line when no
 * Solr node answers. (Everything that needs Solr itself is tested in solr/, against real nodes.)
 */
class SolrSettingsTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "serve, a node that is no URL      | serve --solr=ftp://solr.example/solr                  | base URLs of Solr nodes",
            "serve, a collection with a slash  | serve --solr=http://127.0.0.1:1/solr --collection=a/b | --collection takes letters",
            "serve, --watch with Solr          | serve --solr=http://127.0.0.1:1/solr --watch          | --watch reindexes the embedded index",
            "reindex, no shards                | reindex --solr=http://127.0.0.1:1/solr --shards=0     | --shards must be between 1 and 64",
            "reindex, too many replicas        | reindex --solr=http://127.0.0.1:1/solr --replicas=9   | --replicas must be between 1 and 8",
            "reindex, a configset with a space | reindex --solr=http://127.0.0.1:1/solr --configset=a_b! | --configset takes a configset name",
    })
    void aBadSolrSettingIsOneLineAndNothingIsSentOrBuilt(String what, String command, String message) throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        MainTest.Run r = MainTest.run(withCorpus(t, command.split(" ")));
        assertEquals(1, r.status(), what + ": " + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("no Solr node answers"), "refused before anything was sent: " + r.err());
        assertFalse(Files.exists(t.index()), "no embedded index was built instead");
    }

    @Test
    void serveAndReindexSayInOneLineWhenNoSolrNodeAnswersAndExitWithOne() throws Exception {
        TestIndex t = new TestIndex(temp).withBundledCorpus();
        String nodes = "http://127.0.0.1:" + closedPort() + "/solr,http://127.0.0.1:" + closedPort() + "/solr";
        for (String command : List.of("serve", "reindex")) {
            MainTest.Run r = MainTest.run(withCorpus(t, command, "--solr", nodes));
            assertEquals(1, r.status(), command + ": " + r.err());
            assertEquals("monosearch: no Solr node answers (" + nodes.replace(",", ", ") + "): connection refused",
                    r.err().strip(), command);
            assertFalse(Files.exists(t.index()), "no embedded index was built instead");
        }
    }

    private static String[] withCorpus(TestIndex t, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--corpus", t.corpus().toString(), "--index", t.index().toString()));
        if (command[0].equals("serve")) {
            args.addAll(List.of("--port", "0", "--warmup-ms", "0", "--exit-after-start"));
        }
        return args.toArray(String[]::new);
    }

    /** A port nothing listens on: it was free a moment ago. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
