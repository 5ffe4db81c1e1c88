package monosearch.solrplugin;

import java.io.IOException;
import java.util.List;
import monosearch.index.Schema;
import monosearch.search.DrugNames;
import monosearch.search.IndexSnapshot;
import monosearch.search.QueryPlanner;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrException;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.security.AuthorizationContext;
import org.apache.solr.update.IndexFingerprint;

/**
 * {@code /monosearch-shard}: what one shard knows, for the coordinator's collection-wide planning. With
 * {@code op=vocabulary}, the shard's fingerprint and, unless the caller already {@code known}s that fingerprint,
 * its term dictionaries of the text fields with document frequencies and its monographs' drug names. With
 * {@code op=count}, the sections of this shard outside some monographs ({@code slug}) holding a {@code phrase}.
 */
public final class ShardFactsHandler extends RequestHandlerBase {
    static final String PATH = "/monosearch-shard";
    /** The fields whose words planning looks up: those of core's Analysis. */
    static final List<String> FIELDS = List.of(Schema.DRUG, Schema.HEADINGS, Schema.BODY);

    private final QueryPlanner planner = QueryPlanner.withDefaults();

    @Override
    public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) throws IOException {
        SolrIndexSearcher searcher = req.getSearcher();
        String op = req.getParams().get("op", "");
        switch (op) {
            case "vocabulary" -> {
                String fingerprint = fingerprint(searcher);
                rsp.add("fingerprint", fingerprint);
                if (!fingerprint.equals(req.getParams().get("known"))) {
                    rsp.add("drugs", drugs(searcher));
                    for (String field : FIELDS) {
                        rsp.add("terms." + field, terms(searcher, field));
                    }
                }
            }
            case "count" -> rsp.add("count", planner.sectionsElsewhere(searcher, req.getParams().get("phrase", ""),
                    Params.all(req.getParams(), "slug")));
            default -> throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "op must be vocabulary or count");
        }
    }

    /** The same on every in-sync replica of a shard: its documents' versions, not its segments. */
    static String fingerprint(SolrIndexSearcher searcher) throws IOException {
        IndexFingerprint f = searcher.getIndexFingerprint(Long.MAX_VALUE);
        return f.getMaxVersionEncountered() + "/" + f.getNumVersions() + "/" + f.getVersionsHash() + "/" + f.getNumDocs();
    }

    /** "drug\tslug\n" per monograph. */
    private static String drugs(SolrIndexSearcher searcher) throws IOException {
        StringBuilder out = new StringBuilder();
        for (DrugNames.Drug d : IndexSnapshot.drugsIn(searcher.getIndexReader())) {
            out.append(d.drug().replace('\t', ' ').replace('\n', ' ')).append('\t').append(d.slug()).append('\n');
        }
        return out.toString();
    }

    /** "term\tdocFreq\n" per term, in term order. Analysed terms hold no tab or line break. */
    private static String terms(SolrIndexSearcher searcher, String field) throws IOException {
        StringBuilder out = new StringBuilder();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return "";
        }
        TermsEnum e = terms.iterator();
        for (BytesRef t = e.next(); t != null; t = e.next()) {
            out.append(t.utf8ToString()).append('\t').append(e.docFreq()).append('\n');
        }
        return out.toString();
    }

    @Override
    public String getDescription() {
        return "monosearch: a shard's words and drug names, for collection-wide planning";
    }

    @Override
    public Name getPermissionName(AuthorizationContext request) {
        return Name.READ_PERM;
    }
}
