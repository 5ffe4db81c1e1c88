package monosearch.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which SolrCloud collection a server or reindex uses, and through which nodes: {@code --solr URL[,URL...]} and
 * {@code --collection NAME}, checked before anything is sent.
 *
 * @param nodes      base URLs of Solr nodes ({@code http://host:8983/solr}), no trailing slash
 * @param collection the collection, or the alias that points at it
 */
public record SolrTarget(List<String> nodes, String collection) {
    private static final Pattern NODE = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?(/[A-Za-z0-9._\\-/]*)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,99}");

    public SolrTarget {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("--solr needs at least one node URL, e.g. http://127.0.0.1:8983/solr");
        }
        for (String node : nodes) {
            if (!NODE.matcher(node).matches()) {
                throw new IllegalArgumentException("--solr takes base URLs of Solr nodes, comma-separated, such as "
                        + "http://127.0.0.1:8983/solr; not " + node);
            }
        }
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("--solr needs --collection NAME, the collection (or alias) to use");
        }
        if (!NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("--collection takes letters, digits, '_' and '-' (at most 100), not "
                    + collection);
        }
    }

    /** From the flags: a comma-separated node list; trailing slashes dropped. */
    public static SolrTarget parse(String nodes, String collection) {
        List<String> out = new ArrayList<>();
        for (String node : nodes.split(",")) {
            String n = node.strip();
            while (n.endsWith("/")) {
                n = n.substring(0, n.length() - 1);
            }
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return new SolrTarget(out, collection);
    }
}
