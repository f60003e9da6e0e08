#!/usr/bin/env bash
# The cost of calls as a region grows (issue 20): for each N, starts `openvpc server` (embedded H2, a
# fresh data directory) as its own JVM, builds a region of N resources of each kind through the API
# with io.openvpc.bench.ScaleBench, prints its table (every Describe* with Limit 20 and 100, first and
# last page; each create; a RunInstances of 100; live heap and resident memory), and stops the server.
#   bench/scale.sh [N ...]            (default: 1000 10000)
# The server gets the launcher's memory options (./openvpc): -Xmx$OPENVPC_HEAP (default 1g), -Xms64m,
# G1's periodic collection. Environment: SCALE_CALLS (timed calls per cell, default 200), SCALE_REPS
# (repetitions of every measurement, default 3: each cell reports their median and range),
# SCALE_BUILDERS (clients building the region, default 4), SCALE_HISTOGRAM=true (the heap's largest
# classes after the run).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
source bench/classpath.sh   # builds (no install) and sets $cp to this checkout's modules
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
  data="$(mktemp -d)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  export OPENVPC_SECRET_ID="AKIDscale$(date +%s%N)"
  export OPENVPC_SECRET_KEY="scalekey$(date +%s%N)"
  log="bench/target/server-scale-$n.log"
  q=$((n + 10000))
  java "-Xmx${OPENVPC_HEAP:-1g}" -Xms64m -XX:G1PeriodicGCInterval=60000 ${OPENVPC_BENCH_SERVER_OPTS:-} -cp "$cp" io.openvpc.server.cli.Main server \
    --port "$port" --data-dir "$data" \
    --quota appid-max-vpcs=$q --quota security-group-max=$q --quota vpc-max-network-acls=$q \
    --quota vpc-max-havips=$q --quota vpc-max-subnets=$q --quota vpc-max-enis=$q >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 150); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  java "-Dscale.histogram=${SCALE_HISTOGRAM:-false}" -cp "$cp" io.openvpc.bench.ScaleBench --endpoint "127.0.0.1:$port" \
    --n "$n" --pid "$server" --calls "${SCALE_CALLS:-200}" --reps "${SCALE_REPS:-3}" --builders "${SCALE_BUILDERS:-4}"
  kill $server; wait $server 2>/dev/null || true
  rm -rf "$data"
  trap - EXIT
done
