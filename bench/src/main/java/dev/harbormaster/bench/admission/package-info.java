/**
 * The admission benchmark: the real host serving {@code /mutate} over TLS with a mutating instance,
 * measured side by side in the same run with a bare endpoint in the same JVM (same Javalin/Jetty
 * stack and TLS setup) that answers every request with a fixed AdmissionReview: the ceiling.
 *
 * <p>Two measurements per target: peak throughput and latency under saturation with {@code wrk}
 * (closed loop), and latency at a fixed request rate with {@link
 * dev.harbormaster.bench.admission.ConstantRateLoad} (wrk2-style, in its own JVM; latency counted
 * from each request's due time, so a stalled server is not hidden by a stalled client). Run it with
 * {@code bench/run-admission.sh}.
 */
package dev.harbormaster.bench.admission;
