package monosearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the search page costs a browser: the HTML and every script and stylesheet it loads from /assets/, as
 * sent (with gzip offered, as browsers do) and uncompressed.
 *
 * @param files        the page and its assets
 * @param sentBytes    bytes on the wire, bodies only
 * @param plainBytes   bytes once decompressed
 */
record PageWeight(int files, long sentBytes, long plainBytes) {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

    static PageWeight measure(int port) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        String html = new String(get(client, port, "/", false), StandardCharsets.UTF_8);
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            paths.add(m.group(1));
        }
        long sent = 0;
        long plain = 0;
        for (String p : paths) {
            sent += get(client, port, p, true).length;
            plain += get(client, port, p, false).length;
        }
        return new PageWeight(paths.size(), sent, plain);
    }

    private static byte[] get(HttpClient client, int port, String path, boolean gzip) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
