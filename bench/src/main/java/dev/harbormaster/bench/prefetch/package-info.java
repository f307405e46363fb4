/**
 * Prefetch benchmark (issue 7): the agent's CRI pull path against {@code ctr images pull} of the
 * same images from the same docker-registry, each on a fresh containerd; and the write rate of
 * 1,000 simulated nodes' status reporters against fabric8's mock API server. Run by {@code
 * bench/run-prefetch.sh}, never by {@code ./mvnw verify}.
 */
package dev.harbormaster.bench.prefetch;
