/**
 * A client of the CRI image service ({@code runtime.v1}) over the container runtime's unix socket.
 *
 * @see <a href="https://github.com/kubernetes/cri-api">CRI API</a>
 */
package dev.harbormaster.prefetch.agent.cri;
