/**
 * How registries are reached: allow-list, SSRF guard (link-local and cloud-metadata addresses
 * refused, loopback only when allowed), plain HTTP only for insecure hosts, CA bundles, retries
 * with backoff and jitter, {@code Retry-After} for the whole registry, per-registry concurrency.
 */
package dev.harbormaster.oci.transport;
