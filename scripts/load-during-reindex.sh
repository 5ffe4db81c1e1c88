#!/usr/bin/env bash
# Loads a running server (64 connections) while a full reindex of its corpus runs and commits; reports failed
# requests and whether the server switched to the new index version. The load lasts SECONDS (default 150),
# long enough for a 10,000-monograph reindex on 2 busy cores to finish inside it.
#   scripts/load-during-reindex.sh http://127.0.0.1:7070 CORPUS_DIR INDEX_DIR [JAR=target/monosearch.jar] [SECONDS=150]
set -euo pipefail
url=${1:?usage: URL CORPUS INDEX [JAR]}
corpus=${2:?corpus folder}
index=${3:?index folder}
jar=${4:-target/monosearch.jar}
seconds=${5:-150}
here=$(cd "$(dirname "$0")" && pwd)
before=$(curl -s "$url/health")
out=$(mktemp)
"$here/load.sh" "$url" "$seconds" 64 > "$out" &
load=$!
sleep 10
echo "reindex --full started at $(date +%T)"
java -jar "$jar" reindex --full --corpus "$corpus" --index "$index" | head -1
echo "reindex committed at $(date +%T)"
sleep 2   # the server looks for a new version every 500 ms
after=$(curl -s "$url/health")
wait "$load"
cat "$out"
rm -f "$out"
echo "health before: $before"
echo "health after:  $after"
