#!/usr/bin/env bash
# OCI copy benchmark: Harbormaster's ImageCopier vs `skopeo copy --all` between two local
# docker-registry instances, cold and warm, wall time and request counts (from access logs).
# Needs docker-registry and skopeo (apt-get install docker-registry skopeo).
# Usage: bench/run-oci-copy.sh [images=12] [layerKiB=512] [warmRuns=3]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${HM_BUILD_DIR:-target-bench}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[15]*-jdk-amd64 2>/dev/null | tail -1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
./mvnw -q -B -Dhm.build.dir="$BUILD_DIR" -pl bench compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/$BUILD_DIR/classpath.txt" -Dmdep.includeScope=runtime
CP="bench/$BUILD_DIR/classes:$(cat "bench/$BUILD_DIR/classpath.txt")"
mkdir -p "bench/$BUILD_DIR"
"$JAVA" -cp "$CP" dev.harbormaster.bench.ocicopy.OciCopyBenchmark "$@" \
  | tee "bench/$BUILD_DIR/oci-copy-results.txt"
