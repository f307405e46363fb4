/**
 * Real registry peers for tests, all on 127.0.0.1 and plain HTTP (see {@code notes/test-peers.md}).
 *
 * <ul>
 *   <li>{@link dev.harbormaster.testkit.registry.RegistryPeers}: JUnit 5 extension; one line per
 *       peer, everything stopped after the class.
 *   <li>{@link dev.harbormaster.testkit.registry.RegistryPeer}: Debian's docker-registry
 *       (distribution 2.8): plain, htpasswd, token auth, pull-through proxy; access log.
 *   <li>{@link dev.harbormaster.testkit.registry.TokenServer}: the token endpoint (RS256 JWTs).
 *   <li>{@link dev.harbormaster.testkit.registry.HarborFront}: nginx with Harbor's {@code
 *       /v2/<project>/...} paths in front of proxy registries.
 *   <li>{@link dev.harbormaster.testkit.registry.Skopeo}: the second client and baseline.
 *   <li>{@link dev.harbormaster.testkit.registry.TestImages} / {@link
 *       dev.harbormaster.testkit.registry.TestImage}: OCI or Docker images written by hand, with
 *       every digest exposed.
 * </ul>
 */
package dev.harbormaster.testkit.registry;
