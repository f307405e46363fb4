/**
 * The contract between the Harbormaster host and its plugins.
 *
 * <p>A plugin is a PF4J jar that contributes one {@link dev.harbormaster.spi.AdmissionPlugin}
 * extension. For every configured instance the host binds the instance's {@code config} block
 * strictly to {@link dev.harbormaster.spi.AdmissionPlugin#configType()}, then calls {@link
 * dev.harbormaster.spi.AdmissionPlugin#start} with a {@link dev.harbormaster.spi.PluginContext}.
 * The returned {@link dev.harbormaster.spi.AdmissionHandler} reviews each matching {@link
 * dev.harbormaster.spi.Review} and answers with a {@link dev.harbormaster.spi.Decision}.
 *
 * <p>Everything in this package is loaded once, by the host; plugins declare this module {@code
 * provided} and never bundle it. Plugins declare the SPI version they were built against in their
 * manifest ({@code Plugin-Requires}); see {@link dev.harbormaster.spi.SpiVersion}.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/">Kubernetes
 *     dynamic admission control</a>
 */
package dev.harbormaster.spi;
