package monosearch.solrplugin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * A client that knows every node of a collection and, when the node it uses does not answer (no connection, a
 * broken one, a 5xx), asks the next one and stays with it: what a server in front of SolrCloud does.
 */
final class FailoverClient extends SolrClient {
    private final List<SolrClient> nodes = new ArrayList<>();
    private int current;

    FailoverClient(List<String> baseUrls, int first) {
        for (String url : baseUrls) {
            nodes.add(new HttpJdkSolrClient.Builder(url).withConnectionTimeout(5, TimeUnit.SECONDS)
                    .withRequestTimeout(60, TimeUnit.SECONDS).build());
        }
        current = first % nodes.size();
    }

    @Override
    public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrServerException, IOException {
        Exception last = null;
        for (int tried = 0; tried < nodes.size(); tried++) {
            try {
                return nodes.get(current).request(request, collection);
            } catch (SolrException e) {
                if (e.code() < 500) {
                    throw e;
                }
                last = e;
            } catch (SolrServerException | IOException e) {
                last = e;
            }
            current = (current + 1) % nodes.size();
        }
        throw new SolrServerException("no node answered", last);
    }

    @Override
    public void close() throws IOException {
        for (SolrClient c : nodes) {
            c.close();
        }
    }
}
