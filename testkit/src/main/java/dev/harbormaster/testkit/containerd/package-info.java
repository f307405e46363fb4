/**
 * {@link dev.harbormaster.testkit.containerd.ContainerdPeer}: a private containerd 1.6 with its CRI
 * plugin on a unix socket under a temporary directory, for the node agent's CRI client (see {@code
 * notes/cri.md}); {@link dev.harbormaster.testkit.containerd.ContainerdNode}: such a containerd
 * with the registry peers it pulls from over plain HTTP, for tests that pull real images.
 */
package dev.harbormaster.testkit.containerd;
