/**
 * Populator warm benchmark (issue 5): time to warm a multi-platform image through a Harbor-style
 * proxy with the harbor-proxy-populator plugin against {@code skopeo copy --all} of the same image
 * through the same kind of proxy, in the same run. Run by {@code bench/run-populator-warm.sh},
 * never by {@code ./mvnw verify}.
 */
package dev.harbormaster.bench.populator;
