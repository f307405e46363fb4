package dev.harbormaster.testkit.containerd;

import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;

/**
 * A Kubernetes node's image store in a test: a private {@link ContainerdPeer} and the registry
 * peers it pulls from over plain HTTP, all stopped with one {@link RegistryPeers} scope. It is the
 * setup every test that pulls real images into containerd starts with.
 *
 * <pre>{@code
 * @RegisterExtension static final RegistryPeers peers = new RegistryPeers();
 *
 * ContainerdNode node = ContainerdNode.start(peers);
 * RegistryPeer registry = node.trustedRegistry(RegistryPeer.builder().htpasswd("u", "p"));
 * String ref = node.push(TestImages.singlePlatform(1), registry, "app:v1");
 * // pull ref through node.containerd().socket(), then:
 * assertThat(node.containerd().imageNames()).contains(ref);
 * }</pre>
 *
 * <p>Like {@link ContainerdPeer#start()}, it fails the test under {@code CI=true} when the {@code
 * containerd} package is missing and skips it otherwise.
 */
public final class ContainerdNode {

  private final RegistryPeers peers;
  private final ContainerdPeer containerd;

  private ContainerdNode(RegistryPeers peers, ContainerdPeer containerd) {
    this.peers = peers;
    this.containerd = containerd;
  }

  /** Starts a private containerd that {@code peers} stops with its scope. */
  public static ContainerdNode start(RegistryPeers peers) {
    return new ContainerdNode(peers, peers.manage(ContainerdPeer.start()));
  }

  /** The containerd: its {@link ContainerdPeer#socket()} for CRI clients, {@code ctr} checks. */
  public ContainerdPeer containerd() {
    return containerd;
  }

  /**
   * Starts a registry from {@code builder} in the scope and lets containerd pull from it over plain
   * HTTP ({@link ContainerdPeer#trustPlainHttp(RegistryPeer)}).
   */
  public RegistryPeer trustedRegistry(RegistryPeer.Builder builder) {
    return trusted(peers.start(builder));
  }

  /** The scope's shared plain registry ({@link RegistryPeers#plain()}), trusted by containerd. */
  public RegistryPeer trustedPlainRegistry() {
    return trusted(peers.plain());
  }

  /**
   * Pushes {@code image} to {@code registry} as {@code repoAndTag} with skopeo (as the registry's
   * htpasswd user, if it has one) and returns the reference containerd pulls it by.
   */
  public String push(TestImage image, RegistryPeer registry, String repoAndTag) {
    image.pushWithSkopeo(registry, repoAndTag);
    return registry.imageRef(repoAndTag);
  }

  private RegistryPeer trusted(RegistryPeer registry) {
    containerd.trustPlainHttp(registry);
    return registry;
  }
}
