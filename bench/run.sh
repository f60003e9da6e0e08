#!/usr/bin/env bash
# Measures OpenVPC under load: builds the modules (no install), starts `openvpc server` as its own JVM
# on a free loopback port with a fresh data directory, runs io.openvpc.bench.LoadGenerator against it,
# and stops it.  Usage:
#   bench/run.sh [h2|postgres] [LoadGenerator options, e.g. --clients 1,8 --seconds 20 --warmup 5]
# postgres uses OPENVPC_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
shift || true
source bench/classpath.sh   # builds (no install) and sets $cp to this checkout's modules
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export OPENVPC_SECRET_ID="AKIDbench$(date +%s%N)"
export OPENVPC_SECRET_KEY="benchkey$(date +%s%N)"
url=""
if [ "$db" = postgres ]; then
  url="${OPENVPC_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
fi
log="bench/target/server-$db.log"
java ${OPENVPC_BENCH_SERVER_OPTS:-} -cp "$cp" io.openvpc.server.cli.Main server --port "$port" --data-dir "$data" \
  ${url:+--database-url "$url"} --quota appid-max-vpcs=1000 --quota security-group-max-policies=100000 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "OpenVPC on $db ($(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; client and server share them); server log: $log"
java -cp "$cp" io.openvpc.bench.LoadGenerator --endpoint "127.0.0.1:$port" "$@"
