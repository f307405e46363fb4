/**
 * The example plugin, {@code deny-latest}: the template for writing a Harbormaster plugin.
 *
 * <p>It is small on purpose and shows every part a plugin has:
 *
 * <ul>
 *   <li>{@link dev.harbormaster.plugin.denylatest.DenyLatestPlugin}: the PF4J extension the host
 *       finds (annotated {@code @Extension}); it names the config type and the scopes and starts
 *       instances.
 *   <li>{@link dev.harbormaster.plugin.denylatest.DenyLatestConfig}: the record an instance's
 *       {@code config:} block binds to, strictly; it validates itself.
 *   <li>{@link dev.harbormaster.plugin.denylatest.LatestTagPolicy}: the handler of one instance,
 *       which reads the raw object tree and returns a {@link dev.harbormaster.spi.Decision}.
 *   <li>{@link dev.harbormaster.plugin.denylatest.PodContainers} and {@link
 *       dev.harbormaster.plugin.denylatest.ImageTag}: the domain logic, plain classes tested
 *       without a host.
 * </ul>
 *
 * <p>The build side lives in {@code plugins/pom.xml}: the module's pom only sets {@code plugin.id}.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/containers/images/#image-names">Kubernetes
 *     image names</a>
 */
package dev.harbormaster.plugin.denylatest;
