package monosearch.web;

import static monosearch.testing.TestIndex.monograph;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import monosearch.testing.Serving;
import monosearch.testing.TestIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search page tells the server which query's result was opened, and nothing else. */
class OpenedBeaconBrowserTest {
    static final String TOKEN = "0123456789abcdef-beacon";

    @TempDir
    Path temp;

    @Test
    void openingAResultFromTheSearchPageCountsItForItsQuery() throws Exception {
        HeadlessChromium.assumeInstalled();
        TestIndex t = new TestIndex(temp).write("w/warfarin.md", monograph("Warfarin", "Side Effects", "Bleeding and headache."));
        Path token = Files.writeString(temp.resolve("token"), TOKEN);
        try (Serving server = Serving.start("--corpus", t.corpus().toString(), "--index", t.index().toString(),
                "--admin-token-file", token.toString(), "--analytics", "--analytics-min-count", "1",
                "--analytics-file", temp.resolve("analytics.json").toString());
             HeadlessChromium browser = HeadlessChromium.start()) {
            browser.driver.get(server.baseUrl() + "/?q=headache");
            new WebDriverWait(browser.driver, HeadlessChromium.WAIT)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.hit-link"))).click();
            new WebDriverWait(browser.driver, HeadlessChromium.WAIT).until(ExpectedConditions.urlContains("/monographs/warfarin"));
            assertTrue(Serving.eventually(() -> opened(server, "headache") == 1), server.log());
        }
    }

    private static long opened(Serving server, String query) throws Exception {
        String body = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/analytics"))
                .header("Authorization", "Bearer " + TOKEN).build()).body();
        for (JsonNode q : new ObjectMapper().readTree(body).get("top")) {
            if (q.get("query").asText().equals(query)) {
                return q.get("opened").asLong();
            }
        }
        return -1;
    }
}
