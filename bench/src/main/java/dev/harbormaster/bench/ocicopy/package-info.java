/**
 * OCI copy benchmark: Harbormaster's {@code ImageCopier} against {@code skopeo copy --all} between
 * two local docker-registry instances, cold and warm, with wall time and request counts. Run by
 * {@code bench/run-oci-copy.sh}, never by {@code ./mvnw verify}.
 */
package dev.harbormaster.bench.ocicopy;
