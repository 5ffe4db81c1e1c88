#!/usr/bin/env python3
"""Compares the answers of two running monosearch servers query by query (e.g. the embedded engine and serve --solr).

    scripts/compare-servers.py URL_A URL_B FILE... [--show N] [--threads N]

Each FILE is a judged set (class<TAB>query<TAB>slug/Section=grade;..., as src/test/resources/relevance/*.tsv) or a
plain list of queries, one a line; '#' lines are comments. Every distinct query is asked of both servers
(/api/search?limit=10). Prints how many have the identical top 10 (slug and anchor, in order) and the same first
hit, and, over the judged queries, P@1 of each server as `eval` computes it (the first answer's slug/Section graded 2
or more; a query judged with no answers expects none). --show N lists the first N differing queries with scores.
Nothing of the corpus is written anywhere: only counts, and with --show the slugs, anchors and scores answered.
"""
import argparse
import json
import sys
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def read_queries(files):
    queries, grades = [], {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                query = parts[1] if len(parts) >= 2 else line
                if query not in grades and query not in queries:
                    queries.append(query)
                if len(parts) >= 2:
                    judged = {}
                    for item in (parts[2] if len(parts) > 2 else "").split(";"):
                        if "=" in item:
                            key, grade = item.rsplit("=", 1)
                            judged[key.strip()] = int(grade)
                    grades.setdefault(query, judged)
    return queries, grades


def search(base, query, limit):
    url = "%s/api/search?limit=%d&q=%s" % (base.rstrip("/"), limit, urllib.parse.quote(query))
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)["hits"]


def precision_at_1(hits, judged):
    keys = []
    for h in hits:
        key = h["slug"] + "/" + h["section"]
        if key not in keys:
            keys.append(key)
    if not judged:
        return 1.0 if not keys else 0.0
    return 1.0 if keys and judged.get(keys[0], 0) >= 2 else 0.0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("files", nargs="+")
    p.add_argument("--show", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    queries, grades = read_queries(args.files)

    def answer(query):
        # eval ranks 30 hits (keys once each); the top 10 compared are the first 10 of the same list.
        return search(args.a, query, 30), search(args.b, query, 30)

    with ThreadPoolExecutor(args.threads) as pool:
        answers = list(pool.map(answer, queries))
    same = first = 0
    p1 = [0.0, 0.0]
    judged = 0
    differing = []
    for query, (a, b) in zip(queries, answers):
        top_a = [(h["slug"], h.get("anchor") or "") for h in a[:10]]
        top_b = [(h["slug"], h.get("anchor") or "") for h in b[:10]]
        same += top_a == top_b
        first += top_a[:1] == top_b[:1]
        if top_a != top_b:
            differing.append((query, a[:10], b[:10]))
        if query in grades:
            judged += 1
            p1[0] += precision_at_1(a, grades[query])
            p1[1] += precision_at_1(b, grades[query])
    n = len(queries)
    print("%d queries: identical top 10 %d (%.1f %%), same first hit %d (%.1f %%)"
          % (n, same, 100.0 * same / n, first, 100.0 * first / n))
    if judged:
        print("P@1 over %d judged queries: A %.3f, B %.3f" % (judged, p1[0] / judged, p1[1] / judged))
    for query, a, b in differing[:args.show]:
        print("differs: %s" % query)
        for name, hits in (("A", a), ("B", b)):
            print("  %s %s" % (name, " ".join("%s#%s=%.6g" % (h["slug"], h.get("anchor") or "", h["score"]) for h in hits)))


if __name__ == "__main__":
    sys.exit(main())
