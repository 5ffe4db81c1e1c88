package monosearch.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import monosearch.search.BackendUnavailableException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClientBase;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SolrResponseBase;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Solr nodes a server or reindex talks to: requests go to the nodes in turn, and a node that does not answer
 * (refused, timed out, or 503 while the cluster moves a replica) is passed over for a while and the request tried on
 * the next one. Any node answers for the whole collection, so no ZooKeeper client is needed. SolrJ's own
 * load-balancing clients need its Jetty HTTP client, which cannot share a classpath with Javalin's Jetty; this sits
 * on {@link HttpJdkSolrClient} (java.net.http) instead.
 */
public final class SolrNodes extends SolrClient {
    private static final Logger log = LoggerFactory.getLogger(SolrNodes.class);
    /** How long a node that failed is tried only when no other answers. */
    static final long DOWN_MILLIS = 5_000;

    private final List<String> urls;
    private final List<HttpSolrClientBase> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Per node, until when (System.nanoTime) it counts as down; 0 when up. */
    private final AtomicLongArray downUntil;

    public SolrNodes(List<String> urls, long connectMillis, long requestMillis) {
        this.urls = List.copyOf(urls);
        this.downUntil = new AtomicLongArray(urls.size());
        for (String url : urls) {
            clients.add(new HttpJdkSolrClient.Builder(url)
                    .withConnectionTimeout(connectMillis, TimeUnit.MILLISECONDS)
                    .withRequestTimeout(requestMillis, TimeUnit.MILLISECONDS)
                    .withIdleTimeout(requestMillis, TimeUnit.MILLISECONDS)
                    .build());
        }
    }

    /** For a reindex: a commit or a collection being created may take a while. */
    public static SolrNodes forReindex(List<String> urls) {
        return new SolrNodes(urls, 3_000, 300_000);
    }

    /** For a server: a node that does not answer a search within seconds is passed over for another. */
    public static SolrNodes forServing(List<String> urls) {
        return new SolrNodes(urls, 1_000, 10_000);
    }

    /** Fails with {@link BackendUnavailableException} when no node answers at all. */
    public void checkReachable() throws IOException {
        request(new org.apache.solr.client.solrj.request.CollectionAdminRequest.List(), null);
    }

    public List<String> urls() {
        return urls;
    }

    /**
     * Sends the request to a node that answers ({@code collection} null for cluster-wide requests); SolrJ's
     * {@code request.process(nodes, collection)} comes here too.
     */
    @Override
    public NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
        int n = clients.size();
        int first = Math.floorMod(next.getAndIncrement(), n);
        Exception last = null;
        List<String> passedOver = new ArrayList<>();
        // Nodes that are up first, in turn; then those marked down, in case they came back.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) {
                int i = (first + k) % n;
                boolean down = downUntil.get(i) - System.nanoTime() > 0;
                if (down != (pass == 1)) {
                    continue;
                }
                try {
                    NamedList<Object> answer = clients.get(i).request(request, collection);
                    downUntil.set(i, 0);
                    if (!passedOver.isEmpty()) {
                        log.warn("Solr node(s) {} did not answer ({}); {} did", passedOver, brief(last), urls.get(i));
                    }
                    return answer;
                } catch (SolrServerException | IOException | SolrException e) {
                    if (!notAnswering(e)) {
                        throw asIoException(e);
                    }
                    if (!down) {
                        passedOver.add(urls.get(i));
                    }
                    downUntil.set(i, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DOWN_MILLIS));
                    last = e;
                }
            }
        }
        throw new BackendUnavailableException("no Solr node answers (" + String.join(", ", urls) + "): " + brief(last), last);
    }

    /** A query of the collection, answered by a node that answers. */
    public QueryResponse select(String collection, SolrParams params) throws IOException {
        return typed(new QueryRequest(params, SolrRequest.METHOD.POST), collection, new QueryResponse());
    }

    /** A document by id from the update log (real time: no commit needed); null when there is none. */
    public SolrDocument realTimeGet(String collection, String id, String route) throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("id", id);
        params.set("_route_", route);
        QueryRequest get = new QueryRequest(params);
        get.setPath("/get");
        NamedList<Object> raw = request(get, collection);
        return (SolrDocument) raw.get("doc");
    }

    public UpdateResponse update(String collection, UpdateRequest update) throws IOException {
        return typed(update, collection, new UpdateResponse());
    }

    private <T extends SolrResponseBase> T typed(SolrRequest<?> request, String collection, T response) throws IOException {
        response.setResponse(request(request, collection));
        return response;
    }

    /**
     * Whether another node may do better: the node is unreachable or slow, or Solr says the collection cannot
     * answer just now (503: a shard without a live replica while the cluster recovers). A 4xx is the request's fault,
     * and a 500 a bug, on every node alike.
     */
    static boolean notAnswering(Exception e) {
        if (e instanceof SolrException se) {
            int code = se.code();
            return code == 503 || code == 502 || code == 504 || code == 404 && isNodeNotFound(se);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpTimeoutException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return e instanceof SolrServerException || e instanceof IOException;
    }

    /** A node starting or stopping answers 404 for its Solr paths: it is not serving, whatever the request. */
    private static boolean isNodeNotFound(SolrException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Can not find") || message.contains("HTTP ERROR 404") || message.contains("Not Found");
    }

    private static IOException asIoException(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        return new SolrFailure(e.getMessage(), e);
    }

    static String brief(Throwable e) {
        if (e == null) {
            return "no node was tried";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
                return "connection refused";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time (" + t.getMessage() + ")";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    @Override
    public void close() throws IOException {
        for (HttpSolrClientBase c : clients) {
            c.close();
        }
    }
}
