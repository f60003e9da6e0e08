#!/usr/bin/env bash
# Builds the reactor's classes (no install) and runs AnalysisApiBench: signed AnalyzeReachability and
# TracePacket calls against an in-process server holding a synthetic region (docs/benchmarks.md).
# Usage: bench/analysis.sh [instances] [calls]   e.g. bench/analysis.sh 10000 50
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -o -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$root/bench/target/deps.txt"
deps="$(tr ':' '\n' < bench/target/deps.txt | grep -v '/io/openvpc/' | paste -sd:)"
mods="$(for m in server api control engine api-types store-jdbc dataplane model console; do printf '%s:' "$root/$m/target/classes"; done)"
java -Xmx2g -cp "bench/target/classes:${mods}${deps}" io.openvpc.bench.engine.AnalysisApiBench "${1:-10000}" "${2:-50}"
