/**
 * One log line per review, text or JSON logs, debug logging of whole reviews with Secret data
 * redacted, and the host's Micrometer meters.
 */
package dev.harbormaster.host.observability;
