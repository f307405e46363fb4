/**
 * The webhook server: Javalin 7 on Jetty 12, one plain or TLS connector, the review endpoints and
 * the operations endpoints; JSON error bodies everywhere; graceful shutdown.
 */
package dev.harbormaster.host.http;
