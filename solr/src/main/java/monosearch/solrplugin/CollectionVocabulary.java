package monosearch.solrplugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import monosearch.search.DrugNames;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.ShardHandler;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;

/**
 * The words and drug names of a whole collection, as this node last fetched them from every shard, refreshed
 * when a shard's fingerprint changes: one round trip per query asks each shard whether it changed.
 */
final class CollectionVocabulary {
    /** What planning reads: the collection's term dictionaries and drug names. */
    record Facts(VocabularyReader reader, DrugNames drugs) {
    }

    private record Part(String fingerprint, NamedList<Object> data) {
    }

    private final Map<String, Part> parts = new HashMap<>();
    private Map<String, String> builtFrom = Map.of();
    private Facts facts;

    Facts current(ResponseBuilder rb) {
        Map<String, String> known;
        synchronized (this) {
            known = new HashMap<>();
            parts.forEach((slice, p) -> known.put(slice, p.fingerprint()));
        }
        Map<String, NamedList<Object>> answers = ask(rb, slice -> {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("op", "vocabulary");
            if (known.containsKey(slice)) {
                p.set("known", known.get(slice));
            }
            return p;
        });
        synchronized (this) {
            Map<String, String> now = new HashMap<>();
            answers.forEach((slice, nl) -> {
                String fingerprint = (String) nl.get("fingerprint");
                if (nl.get("drugs") != null) {
                    parts.put(slice, new Part(fingerprint, nl));
                }
                now.put(slice, fingerprint);
            });
            if (facts == null || !now.equals(builtFrom)) {
                parts.keySet().retainAll(now.keySet());
                facts = merge(parts.values());
                builtFrom = now;
            }
            return facts;
        }
    }

    /** Sections of the whole collection outside some monographs holding a phrase. */
    int sectionsElsewhere(ResponseBuilder rb, String phrase, List<String> slugs) {
        Map<String, NamedList<Object>> answers = ask(rb, slice -> {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("op", "count");
            p.set("phrase", phrase);
            slugs.forEach(s -> p.add("slug", s));
            return p;
        });
        int sum = 0;
        for (NamedList<Object> nl : answers.values()) {
            sum += ((Number) nl.get("count")).intValue();
        }
        return sum;
    }

    private interface ParamsFor {
        ModifiableSolrParams of(String slice);
    }

    /** One request to a replica of each shard (another replica when one fails), the answers by slice. */
    private static Map<String, NamedList<Object>> ask(ResponseBuilder rb, ParamsFor paramsFor) {
        ShardHandler handler = rb.req.getCoreContainer().getShardHandlerFactory().getShardHandler();
        ShardRequest sreq = new ShardRequest();
        sreq.purpose = ShardRequest.PURPOSE_PRIVATE;
        sreq.actualShards = rb.shards;
        sreq.responses = new ArrayList<>();
        sreq.params = new ModifiableSolrParams();
        Map<String, String> sliceOf = new HashMap<>();
        for (int i = 0; i < rb.shards.length; i++) {
            String slice = rb.slices != null && rb.slices[i] != null ? rb.slices[i] : rb.shards[i];
            sliceOf.put(rb.shards[i], slice);
            ModifiableSolrParams p = paramsFor.of(slice);
            p.set(CommonParams.QT, ShardFactsHandler.PATH);
            p.set(CommonParams.DISTRIB, false);
            p.set(CommonParams.WT, "javabin");
            ShardHandler.setShardAttributesToParams(p, sreq.purpose);
            handler.submit(sreq, rb.shards[i], p);
        }
        ShardResponse last = handler.takeCompletedOrError();
        Map<String, NamedList<Object>> out = new HashMap<>();
        for (ShardResponse r : last == null ? List.<ShardResponse>of() : last.getShardRequest().responses) {
            if (r.getException() != null) {
                handler.cancelAll();
                throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE,
                        "shard " + r.getShard() + " did not answer for the collection's words", r.getException());
            }
            out.put(sliceOf.getOrDefault(r.getShard(), r.getShard()), r.getSolrResponse().getResponse());
        }
        if (out.size() != rb.shards.length) {
            throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "not every shard answered for the collection's words");
        }
        return out;
    }

    private static Facts merge(Iterable<Part> parts) {
        Map<String, Map<BytesRef, Integer>> fields = new HashMap<>();
        List<DrugNames.Drug> drugs = new ArrayList<>();
        for (Part p : parts) {
            for (String field : ShardFactsHandler.FIELDS) {
                Map<BytesRef, Integer> merged = fields.computeIfAbsent(field, f -> new HashMap<>());
                String text = (String) p.data().get("terms." + field);
                for (String line : text.split("\n")) {
                    int tab = line.lastIndexOf('\t');
                    if (tab > 0) {
                        merged.merge(new BytesRef(line.substring(0, tab)), Integer.parseInt(line.substring(tab + 1)), Integer::sum);
                    }
                }
            }
            for (String line : ((String) p.data().get("drugs")).split("\n")) {
                int tab = line.lastIndexOf('\t');
                if (tab >= 0) {
                    drugs.add(new DrugNames.Drug(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
        }
        // The embedded index lists monographs in corpus order, which is slug order.
        drugs.sort(Comparator.comparing(DrugNames.Drug::slug));
        Map<String, VocabularyReader.SortedTerms> terms = new HashMap<>();
        fields.forEach((f, m) -> terms.put(f, new VocabularyReader.SortedTerms(m)));
        return new Facts(new VocabularyReader(terms), new DrugNames(drugs));
    }
}
