#!/bin/sh
# Admission benchmark (issue #2): the real host serving /mutate over TLS with a mutating instance,
# side by side in the same run with a bare endpoint in the same JVM that answers a fixed
# AdmissionReview (the ceiling). Peak with wrk (Debian package wrk), p99 at a fixed rate with an
# open-loop Java generator (wrk2 is not packaged). Not part of ./mvnw verify.
#
# The same alternating wrk rounds also measure the image-rewriter plugin (issue 4) on a Deployment
# CREATE review: bare endpoint, the it-stamp host, a host with image-rewriter (no existence check)
# and one with existence checks against a real docker-registry mirror (Debian packages
# docker-registry and skopeo), cache warmed first. Skip them with --rewriter false.
#
# They also measure /validate on that review with and without a harbor-proxy-populator instance
# (issue 5), its Harbor being a real docker-registry on loopback (plain HTTP) that it warms once
# before measuring, and both at the constant rate too. Skip them with --populator false.
#
#   bench/run-admission.sh [--duration 15] [--rounds 3] [--connections 16] [--rate 1000] ...
#
# Environment: HM_BUILD_DIR (build folder name, default target). The report is printed and kept
# in bench/$HM_BUILD_DIR/admission-report.md; the host's log in bench/$HM_BUILD_DIR/admission-bench.log.
set -eu

cd "$(dirname "$0")/.."
build=${HM_BUILD_DIR:-target}

if ! command -v wrk >/dev/null 2>&1; then
  echo "run-admission.sh: wrk not found; install it: apt-get install wrk" >&2
  exit 1
fi
case " $* " in
  *" --rewriter false "*" --populator false "*|*" --populator false "*" --rewriter false "*) ;;
  *)
    for tool in docker-registry skopeo; do
      if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-admission.sh: $tool not found (needed by the image-rewriter and populator rounds);" \
          "install it: apt-get install $tool, or pass --rewriter false --populator false" >&2
        exit 1
      fi
    done
    ;;
esac

# A Java 21+ runtime: JAVA_HOME if new enough, else the first one in /usr/lib/jvm or /opt/java.
java=""
for candidate in "${JAVA_HOME:-/nonexistent}" /usr/lib/jvm/* /opt/java/*; do
  if [ -x "$candidate/bin/java" ]; then
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = *//p' | head -n 1)
    case $version in 1.*|'') continue ;; esac
    if [ "${version%%.*}" -ge 21 ]; then java="$candidate/bin/java"; break; fi
  fi
done
if [ -z "$java" ]; then
  echo "run-admission.sh: no Java 21+ found (JAVA_HOME, /usr/lib/jvm/*, /opt/java/*)" >&2
  exit 1
fi

echo "[run-admission] building bench, the distribution and the fixture plugin (-Dhm.build.dir=$build)" >&2
./mvnw -q -B -Dhm.build.dir="$build" -DskipTests -pl bench,dist,it/fixture-plugin -am \
  package dependency:build-classpath -Dmdep.outputFile="$build/classpath.txt"

# The plugins: dist's plugins dir (deny-latest, image-rewriter, ...) and the it-stamp fixture.
plugins="bench/$build/admission-plugins"
rm -rf "$plugins"
mkdir -p "$plugins"
cp "dist/$build/harbormaster/plugins/"*.jar "$plugins/"
for jar in "it/fixture-plugin/$build/"harbormaster-it-fixture-plugin-*.jar; do
  case $(basename "$jar") in original-*) ;; *) cp "$jar" "$plugins/" ;; esac
done

if ! ls "$plugins"/harbormaster-plugin-image-rewriter-*.jar >/dev/null 2>&1; then
  echo "run-admission.sh: no image-rewriter jar in $plugins (dist's plugins dir)" >&2
  exit 1
fi

report="bench/$build/admission-report.md"
log="bench/$build/admission-bench.log"
echo "[run-admission] running (a few minutes); progress and the host's log: $log" >&2
echo "[run-admission] load average now: $(cat /proc/loadavg) on $(nproc) cores" >&2
rm -f "$report"
if ! "$java" -Xmx1g -cp "bench/$build/classes:$(cat "bench/$build/classpath.txt")" \
  dev.harbormaster.bench.admission.AdmissionBenchmark \
  --plugins "$plugins" --report "$report" "$@" > "$log" 2>&1; then
  echo "run-admission.sh: the benchmark failed; last lines of $log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
cat "$report"
