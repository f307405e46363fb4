/**
 * The {@code prefetch} plugin (issue 7): on admission of a Pod or workload, queues an {@code
 * ImagePrefetch} write for the node agents (see {@code plugins/prefetch/agent}); copies pull
 * secrets; aggregates node reports. User documentation: {@code docs/plugins/prefetch.md}.
 */
package dev.harbormaster.plugin.prefetch;
