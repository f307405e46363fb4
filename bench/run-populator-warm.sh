#!/usr/bin/env bash
# Populator warm benchmark (issue 5): time to warm a multi-platform image through a Harbor-style
# proxy (nginx front + proxy-mode docker-registry, fresh and cold each round) with the
# harbor-proxy-populator plugin (one Pod CREATE review to an in-process host) vs
# `skopeo copy --all docker://<front>/hub/library/app:v1 oci:<dir>`, same run; both timed until
# every config and layer blob is in the proxy's storage.
# Needs docker-registry, nginx and skopeo, and a built dist (./mvnw -pl dist package) for the plugin.
# Usage: bench/run-populator-warm.sh [pluginsDir=dist/target-lead/harbormaster/plugins] [rounds=3]
#        [layers=4] [layerMiB=8]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${HM_BUILD_DIR:-target-bench}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[15]*-jdk-amd64 2>/dev/null | tail -1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
PLUGINS="${1:-dist/target-lead/harbormaster/plugins}"
shift || true
./mvnw -q -B -Dhm.build.dir="$BUILD_DIR" -pl bench compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/$BUILD_DIR/classpath.txt" -Dmdep.includeScope=runtime
CP="bench/$BUILD_DIR/classes:$(cat "bench/$BUILD_DIR/classpath.txt")"
mkdir -p "bench/$BUILD_DIR"
"$JAVA" -cp "$CP" dev.harbormaster.bench.populator.PopulatorWarmBenchmark "$PLUGINS" "$@" \
  | tee "bench/$BUILD_DIR/populator-warm-results.txt"
