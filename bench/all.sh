#!/usr/bin/env bash
# Re-runs every benchmark of docs/benchmarks.md, each part stamped with the time and the load average
# before and after it, so that a reader can tell a quiet run from a shared one. Parts:
#   api        bench/run.sh on H2 and PostgreSQL: DescribeVpcs, CreateVpc+DeleteVpc, security-group rules
#   engine     bench/engine.sh at 10,000 instances (EngineHeap, then JMH)
#   analysis   bench/analysis.sh 10000 50 (the analysis actions over signed HTTP)
#   dataplane  bench/dataplane.sh 1000 (needs root: real namespaces)
#   scale      bench/scale.sh 1000 10000
# Usage: bench/all.sh [part ...]   (default: all of them). REPS=3 repeats each run of the api part
# (report the median and the range). The output is also written to bench/target/all-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(api engine analysis dataplane scale)
reps="${REPS:-3}"
mkdir -p bench/target
log="bench/target/all-$(date -u +%Y%m%dT%H%M).log"
exec > >(tee "$log") 2>&1
stamp() { echo "== $1 $(date -u '+%Y-%m-%d %H:%M:%S UTC') load $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
for part in "${parts[@]}"; do
  case "$part" in
    api)
      for db in h2 postgres; do
        for r in $(seq "$reps"); do
          stamp "api $db repetition $r"
          bench/run.sh "$db" --clients 1,8 --seconds 10 --warmup 5
          bench/run.sh "$db" --scenario sg-insert,sg-insert-top,sg-describe --clients 1,8 --seconds 10 --warmup 3
        done
      done ;;
    engine) stamp engine; bench/engine.sh -p instances=10000 ;;
    analysis) stamp analysis; bench/analysis.sh 10000 50 ;;
    dataplane) stamp dataplane; bench/dataplane.sh 1000 ;;
    scale) stamp scale; bench/scale.sh 1000 10000 ;;
    *) echo "unknown part $part (api engine analysis dataplane scale)"; exit 2 ;;
  esac
  stamp "end of $part"
done
echo "written to $log"
