#!/usr/bin/env bash
# Loads a running server for 60 s while a full reindex of its corpus commits; reports failed requests and
# whether the index version the server reports changed.
#   scripts/load-during-reindex.sh http://127.0.0.1:7070 CORPUS_DIR INDEX_DIR [JAR=target/monosearch.jar]
set -euo pipefail
url=${1:?usage: URL CORPUS INDEX [JAR]}
corpus=${2:?corpus folder}
index=${3:?index folder}
jar=${4:-target/monosearch.jar}
here=$(cd "$(dirname "$0")" && pwd)
before=$(curl -s "$url/health")
"$here/load.sh" "$url" 60 64 > /tmp/monosearch-load.txt &
load=$!
sleep 10
echo "reindex --full started at $(date +%T)"
java -jar "$jar" reindex --full --corpus "$corpus" --index "$index" | head -1
echo "reindex committed at $(date +%T)"
wait "$load"
after=$(curl -s "$url/health")
cat /tmp/monosearch-load.txt
echo "health before: $before"
echo "health after:  $after"
