#!/usr/bin/env bash
# Builds the reactor's classes (no install) and runs the semantics-engine benchmarks of docs/benchmarks.md.
# (ignores the JMH lock: other engineers run their own JMH on this shared machine)
# Usage: bench/engine.sh [jmh args...]   e.g. bench/engine.sh -p instances=10000
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
java -Xmx2g -cp "$cp" io.openvpc.bench.engine.EngineHeap 1000 10000 50000
java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main 'io.openvpc.bench.engine.EngineBenchmark' -rf json -rff bench/target/engine-jmh.json "$@"
