#!/usr/bin/env bash
# A local SolrCloud for trying monosearch on Solr and for the bench (a development aid, not a deployment):
# ZooKeeper and 2 Solr nodes, each in a JVM of its own, run from the jars the solr/ build resolves (no Solr
# distribution installs here). Each node loads the plugin from its sharedLib, as a real install does; the configset
# "monosearch" is uploaded. State (pids, ports, logs, indexes) lives under DIR.
#
#   scripts/solrcloud-local.sh start DIR        starts it; the LAST line printed is the nodes' base URLs, comma-separated
#   scripts/solrcloud-local.sh kill-node DIR N  SIGKILLs node N (1 or 2)
#   scripts/solrcloud-local.sh stop DIR         stops the nodes, then ZooKeeper
#
# Builds what it needs when it is missing (mvn at the top of the clone). Ports: ZooKeeper from 9983, the nodes from
# 8983, each the first free one (or SOLR_LOCAL_ZK_PORT, SOLR_LOCAL_PORT1, SOLR_LOCAL_PORT2). A node's heap:
# SOLR_LOCAL_HEAP (default 1g). Everything listens on 127.0.0.1 only.
set -euo pipefail

usage() {
  echo "usage: scripts/solrcloud-local.sh start DIR | kill-node DIR N | stop DIR" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
command=$1
dir=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
if [[ -d $dir ]]; then
  dir=$(cd "$dir" && pwd)
elif [[ $command != start ]]; then
  echo "$dir does not exist" >&2
  exit 1
fi
solr=$repo/solr/target

# The pid of a process this script started under DIR, if it still runs (a recycled pid is not ours).
running_pid() {
  local file=$dir/$1.pid pid
  [[ -f $file ]] || return 1
  pid=$(cat "$file")
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-Dmonosearch.local=$dir/$1 " || return 1
  echo "$pid"
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  local p=$1
  while ! port_free "$p"; do
    p=$((p + 1))
    [[ $p -lt $(($1 + 200)) ]] || { echo "no free port from $1" >&2; exit 1; }
  done
  echo "$p"
}

build_if_missing() {
  if [[ -d $solr/sharedLib && -d $solr/solr-lib && -f $solr/local-classes/monosearch/solrplugin/local/LocalSolrNode.class \
        && -f $solr/monosearch-configset.zip ]]; then
    return
  fi
  echo "building the service's jars and the Solr plugin (mvn -B -q verify -DskipTests -Dinvoker.test=solr) ..."
  (cd "$repo" && mvn -B -q verify -DskipTests -Dinvoker.test=solr)
}

# Java for a process of ours: -Dmonosearch.local names it, so stop and kill-node only ever signal what we started.
launch() {
  local name=$1
  shift
  nohup java -Dmonosearch.local="$dir/$name" "$@" > "$dir/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

wait_until() {
  local what=$1 seconds=$2 check=$3 name=$4
  for ((i = 0; i < seconds * 4; i++)); do
    if eval "$check"; then
      return
    fi
    if ! running_pid "$name" > /dev/null; then
      echo "$what exited; the end of $dir/$name.log:" >&2
      tail -n 30 "$dir/$name.log" >&2
      exit 1
    fi
    sleep 0.25
  done
  echo "$what did not answer within $seconds s; see $dir/$name.log" >&2
  exit 1
}

start() {
  for name in zk node1 node2; do
    if pid=$(running_pid $name); then
      echo "$name already runs under $dir (pid $pid): scripts/solrcloud-local.sh stop $dir first" >&2
      exit 1
    fi
  done
  build_if_missing
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local cp="$solr/solr-lib/*"
  local zk_port=${SOLR_LOCAL_ZK_PORT:-$(free_port 9983)}
  local heap=${SOLR_LOCAL_HEAP:-1g}
  echo "$zk_port" > "$dir/zk.port"
  mkdir -p "$dir/zk/data"
  cat > "$dir/log4j2.xml" <<'XML'
<Configuration>
  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%d{ISO8601} %-5p (%t) [%c{1}] %m%n"/></Console></Appenders>
  <Loggers>
    <Logger name="org.apache.solr.core.CoreContainer" level="INFO"/>
    <Logger name="org.apache.solr.cloud.ZkController" level="INFO"/>
    <Root level="WARN"><AppenderRef ref="out"/></Root>
  </Loggers>
</Configuration>
XML
  launch zk -Xmx128m -XX:+UseSerialGC -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.xml" \
    -Dzookeeper.admin.enableServer=false -Dzookeeper.4lw.commands.whitelist=ruok \
    -Dzookeeper.jmx.log4j.disable=true \
    org.apache.zookeeper.server.ZooKeeperServerMain "$zk_port" "$dir/zk/data"
  wait_until "ZooKeeper on port $zk_port" 60 "[[ \$( (exec 3<>/dev/tcp/127.0.0.1/$zk_port; echo ruok >&3; cat <&3) 2>/dev/null) == imok ]]" zk

  local urls=()
  local previous=8982
  for n in 1 2; do
    local var=SOLR_LOCAL_PORT$n
    local port=${!var:-$(free_port $((previous + 1)))}
    previous=$port
    local home=$dir/node$n
    mkdir -p "$home"
    echo "$port" > "$dir/node$n.port"
    cat > "$home/solr.xml" <<XML
<solr>
  <!-- The plugin and its jars, loaded as a real install loads them (\$SOLR_HOME/lib or sharedLib). -->
  <str name="sharedLib">$solr/sharedLib</str>
  <str name="allowPaths">$dir</str>
  <solrcloud>
    <str name="host">127.0.0.1</str>
    <int name="hostPort">$port</int>
    <str name="hostContext">solr</str>
    <str name="zkHost">127.0.0.1:$zk_port</str>
    <!-- How long ZooKeeper waits before a killed node leaves live_nodes. -->
    <int name="zkClientTimeout">15000</int>
    <bool name="genericCoreNodeNames">true</bool>
    <int name="leaderVoteWait">10000</int>
  </solrcloud>
  <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
    <int name="socketTimeout">60000</int>
    <int name="connTimeout">5000</int>
  </shardHandlerFactory>
  <metrics enabled="false"/>
</solr>
XML
    launch "node$n" "-Xmx$heap" -XX:+UseSerialGC -cp "$solr/local-classes:$cp" \
      -Dlog4j2.configurationFile="$dir/log4j2.xml" -Dsolr.log.dir="$dir" -Djetty.host=127.0.0.1 \
      monosearch.solrplugin.local.LocalSolrNode "$home" "$port"
    urls+=("http://127.0.0.1:$port/solr")
  done
  for n in 1 2; do
    local url=${urls[$((n - 1))]}
    wait_until "Solr node $n ($url)" 120 "curl -sf -o /dev/null '$url/admin/info/health'" "node$n"
  done
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/octet-stream' \
    --data-binary "@$solr/monosearch-configset.zip" \
    "${urls[0]}/admin/configs?action=UPLOAD&name=monosearch&overwrite=true&cleanup=true" \
    || { echo "uploading the configset monosearch failed; see $dir/node1.log" >&2; exit 1; }
  local joined
  joined=$(IFS=,; echo "${urls[*]}")
  echo "$joined" > "$dir/urls"
  echo "ZooKeeper 127.0.0.1:$zk_port, 2 Solr nodes, configset monosearch uploaded; logs in $dir"
  echo "create a collection: curl '${urls[0]}/admin/collections?action=CREATE&name=c&collection.configName=monosearch&numShards=2&replicationFactor=2&router.name=compositeId&router.field=slug'"
  echo "$joined"
}

kill_node() {
  local n=${1:-}
  [[ $n == 1 || $n == 2 ]] || usage
  if pid=$(running_pid "node$n"); then
    kill -KILL "$pid"
    rm -f "$dir/node$n.pid"
    echo "node $n (pid $pid, $(cat "$dir/urls" | cut -d, -f"$n")) killed with SIGKILL"
  else
    echo "node $n does not run under $dir" >&2
    exit 1
  fi
}

stop_one() {
  local name=$1 pid
  if pid=$(running_pid "$name"); then
    kill -TERM "$pid"
    for ((i = 0; i < 120; i++)); do
      running_pid "$name" > /dev/null || break
      sleep 0.25
    done
    if running_pid "$name" > /dev/null; then
      kill -KILL "$pid"
    fi
    echo "$name stopped (pid $pid)"
  fi
  rm -f "$dir/$name.pid"
}

case $command in
  start) start ;;
  kill-node) [[ $# -eq 3 ]] || usage; kill_node "$3" ;;
  stop) stop_one node1 & stop_one node2 & wait; stop_one zk ;;
  *) usage ;;
esac
