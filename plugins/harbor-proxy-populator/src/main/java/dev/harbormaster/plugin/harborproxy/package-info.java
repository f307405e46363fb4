/**
 * The {@code harbor-proxy-populator} plugin (issue 5; user documentation in {@code
 * docs/plugins/harbor-proxy-populator.md}): when a workload is admitted, its images are mapped to
 * Harbor proxy references ({@code mapping}) and offered to the shared bounded work queue ({@code
 * dev.harbormaster.worker}) without any network I/O; workers warm Harbor's proxy cache ({@code
 * warming}). Start with {@link dev.harbormaster.plugin.harborproxy.HarborProxyPopulatorPlugin}.
 *
 * @see <a href="https://goharbor.io/docs/main/administration/configure-proxy-cache/">Harbor proxy
 *     cache</a>
 */
package dev.harbormaster.plugin.harborproxy;
