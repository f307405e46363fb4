/**
 * Only one host replica syncs: {@link dev.harbormaster.plugin.mirrorsync.lease.LeaseElector} holds
 * a {@code coordination.k8s.io/v1} Lease through the fabric8 client.
 */
package dev.harbormaster.plugin.mirrorsync.lease;
