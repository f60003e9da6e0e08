#!/usr/bin/env bash
# Data plane benchmarks (root): realise N instances and time security-group changes through the API,
# the same on the agent alone, a restarted agent converging on N instances, and iperf3 throughput
# with 10,000 security-group entries against none.
#   bench/dataplane.sh [instances] [entries]      (defaults 1000 and 10000)
# Everything created is removed at the end (namespaces are marked with their owner and deleted by name).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
entries="${2:-10000}"
source bench/classpath.sh   # builds (no install) and sets $cp to this checkout's modules
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" io.openvpc.bench.dataplane.ApiLatencyBench "$n" 2>&1 | grep -v ' INFO '
java -cp "$cp" io.openvpc.bench.dataplane.DataplaneBench realize "$n" 2>&1 | grep -v ' INFO '
java -cp "$cp" io.openvpc.bench.dataplane.DataplaneBench restart "$n" 2>&1 | grep -v ' INFO '
java -cp "$cp" io.openvpc.bench.dataplane.DataplaneBench iperf "$entries" 2>&1 | grep -v ' INFO '
