# Sourced by the benchmark scripts: builds the reactor's classes (no install: the siblings resolve to
# this checkout's modules) and sets $cp to bench's classes, every module's classes and the libraries.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$root/bench/target/deps.txt"
deps="$(tr ':' '\n' < bench/target/deps.txt | grep -v '/io/openvpc/' | paste -sd:)"
mods="$(for m in server api control engine api-types store-jdbc dataplane model console; do printf '%s:' "$root/$m/target/classes"; done)"
cp="bench/target/classes:${mods}${deps}"
