#!/usr/bin/env bash
# Builds the reactor's classes (no install) and runs AnalysisApiBench: signed AnalyzeReachability and
# TracePacket calls against an in-process server holding a synthetic region (docs/benchmarks.md).
# Usage: bench/analysis.sh [instances] [calls]   e.g. bench/analysis.sh 10000 50
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
java -Xmx2g -cp "$cp" io.openvpc.bench.engine.AnalysisApiBench "${1:-10000}" "${2:-50}"
