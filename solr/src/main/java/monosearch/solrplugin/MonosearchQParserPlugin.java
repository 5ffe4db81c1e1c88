package monosearch.solrplugin;

import java.io.IOException;
import java.util.List;
import monosearch.search.Planned;
import monosearch.search.QueryPlanner;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * {@code {!monosearch}}: the query text as the embedded engine reads it, never as Solr syntax, planned by core's
 * planner into the same Lucene query. On a shard of a collection the planning replays the decisions the
 * coordinator made with collection-wide data ({@link Params#DECISIONS}); alone, it decides with its own index.
 */
public final class MonosearchQParserPlugin extends QParserPlugin {
    public static final String NAME = "monosearch";

    private final QueryPlanner planner = QueryPlanner.withDefaults();

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                SolrParams all = getParams();
                String text = qstr == null ? "" : qstr;
                if (text.isBlank()) {
                    throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "q is empty: give the words to search for");
                }
                Planned planned = plan(text, Params.all(all, Params.DRUG), all.get(Params.DECISIONS), req);
                int attempt = Math.min(Params.attempt(all), planned.attempts().size() - 1);
                boolean shard = all.getBool(ShardParams.IS_SHARD, false);
                return new MonosearchQuery(planned.attempts().get(attempt), planned, Params.all(all, Params.SECTION),
                        Params.window(all), shard ? req.getContext() : null);
            }
        };
    }

    /** The query planned from the given decisions, or decided from this core's own index when there are none. */
    Planned plan(String text, List<String> drugs, String decisions, SolrQueryRequest req) {
        try {
            if (decisions != null) {
                return planner.replay(text, drugs, decisions);
            }
            return MonosearchComponent.decideLocally(planner, text, drugs, req);
        } catch (IllegalArgumentException e) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "the query expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms; use fewer prefix* words or a longer start for each");
        } catch (IOException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, e);
        }
    }
}
