#!/usr/bin/env bash
# Builds the reactor's classes (no install) and runs the semantics-engine benchmarks of docs/benchmarks.md.
# (ignores the JMH lock: other engineers run their own JMH on this shared machine)
# Usage: bench/engine.sh [jmh args...]   e.g. bench/engine.sh -p instances=10000
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# one reactor run: the siblings resolve to this checkout's modules, so nothing needs to be installed first
mvn -q -o -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$root/bench/target/deps.txt"
# this worktree's modules, never a stale copy from ~/.m2
deps="$(tr ':' '\n' < bench/target/deps.txt | grep -v '/io/openvpc/' | paste -sd:)"
mods="$(for m in server api control engine api-types store-jdbc dataplane model console; do printf '%s:' "$root/$m/target/classes"; done)"
cp="bench/target/classes:${mods}${deps}"
java -Xmx2g -cp "$cp" io.openvpc.bench.engine.EngineHeap 1000 10000 50000
java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main 'io.openvpc.bench.engine.EngineBenchmark' -rf json -rff bench/target/engine-jmh.json "$@"
