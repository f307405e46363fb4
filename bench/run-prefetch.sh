#!/usr/bin/env bash
# Prefetch benchmark (issue 7): the agent's CRI pull path vs `ctr images pull` of the same images,
# each on a fresh containerd; and 1,000 simulated nodes' status writes against fabric8's mock API.
# Needs docker-registry, skopeo and containerd (apt-get install docker-registry skopeo containerd).
# Usage: bench/run-prefetch.sh [images=8] [layers=4] [layerMiB=4] [rounds=3] [nodes=1000] [seconds=30] [intervalSeconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${HM_BUILD_DIR:-target-bench}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[15]*-jdk-amd64 2>/dev/null | tail -1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
./mvnw -q -B -Dhm.build.dir="$BUILD_DIR" -pl bench compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/$BUILD_DIR/classpath.txt" -Dmdep.includeScope=runtime
CP="bench/$BUILD_DIR/classes:$(cat "bench/$BUILD_DIR/classpath.txt")"
mkdir -p "bench/$BUILD_DIR"
"$JAVA" -Dlogback.configurationFile=bench/logback-prefetch.xml -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
  --enable-native-access=ALL-UNNAMED -cp "$CP" dev.harbormaster.bench.prefetch.PrefetchBenchmark "$@" \
  | tee "bench/$BUILD_DIR/prefetch-results.txt"
