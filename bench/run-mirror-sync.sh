#!/usr/bin/env bash
# Mirror-sync benchmark: `harbormaster mirror sync --once` (the real distribution's bin/harbormaster,
# a fresh JVM per run; also the plugin's command in process, for reference) vs `skopeo sync --all`,
# same upstream, same run, cold and warm (rounds alternate the tools), wall time and requests per
# tag (from the registries' access logs), plus the JVM start-up floor and the load average. Needs
# docker-registry and skopeo (apt-get install docker-registry skopeo).
# Usage: bench/run-mirror-sync.sh [images=12] [tagsPerImage=3] [layerKiB=256] [rounds=5] [oneWayDelayMs=0]
#   36 tags: bench/run-mirror-sync.sh 12 3;  320 tags: bench/run-mirror-sync.sh 40 8
#   oneWayDelayMs > 0: both tools reach the upstream through DelayRelay (a TCP relay adding that
#   delay in each direction, as to a remote registry; the targets stay direct). 20 ms RTT at 320
#   tags: bench/run-mirror-sync.sh 40 8 256 5 10
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${HM_BUILD_DIR:-target-bench}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[15]*-jdk-amd64 2>/dev/null | tail -1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
./mvnw -q -B -Dhm.build.dir="$BUILD_DIR" -pl host,plugins/mirror-sync,dist package -DskipTests
./mvnw -q -B -Dhm.build.dir="$BUILD_DIR" -pl bench compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/$BUILD_DIR/classpath.txt" -Dmdep.includeScope=runtime
JAR="plugins/mirror-sync/$BUILD_DIR/harbormaster-plugin-mirror-sync-0.1.0-SNAPSHOT.jar"
CP="bench/$BUILD_DIR/classes:$(cat "bench/$BUILD_DIR/classpath.txt")"
mkdir -p "bench/$BUILD_DIR"
"$JAVA" -Dmirrorsync.jar="$JAR" -Dmirrorsync.distribution="dist/$BUILD_DIR/harbormaster" -cp "$CP" dev.harbormaster.bench.mirrorsync.MirrorSyncBenchmark "$@" \
  | tee "bench/$BUILD_DIR/mirror-sync-results.txt"
