/**
 * The admission pipeline: match rules, the mutating stage (config order, one working copy, one RFC
 * 6902 diff), the validating stage (concurrent, any deny denies), per-instance timeouts and failure
 * policies within the API server's timeout, audit mode.
 */
package dev.harbormaster.host.pipeline;
