package dev.harbormaster.oci.transport;

import java.util.List;
import java.util.Locale;

/**
 * The registries a client may contact: entries are {@code host}, {@code host:port} or {@code
 * *.domain} (any host below {@code domain}, any port). An entry without port allows every port of
 * the host. An empty list allows every registry (the {@link AddressGuard} still applies).
 *
 * <p>The list names registries, the hosts image references point at. Redirects a registry answers
 * (blob downloads sent to object storage) and token realms it names are not checked against it;
 * they remain subject to the {@link AddressGuard} (no link-local, metadata or unlisted loopback
 * address) and to the plain-HTTP rule. Private ranges (10/8, 192.168/16...) are allowed: internal
 * registries live there; use the allow-list to confine a client.
 */
public final class HostAllowList {
  private final List<String> entries;

  /**
   * @param entries the allowed hosts; Docker Hub's names ({@code docker.io}, {@code
   *     index.docker.io}) also allow its API host {@code registry-1.docker.io}
   */
  public HostAllowList(List<String> entries) {
    this.entries = entries.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether the list is empty, i.e. every registry is allowed. */
  public boolean allowsAll() {
    return entries.isEmpty();
  }

  /** Whether {@code hostPort} ({@code host} or {@code host:port}) is allowed. */
  public boolean allows(String hostPort) {
    return allowsAll() || entries.stream().anyMatch(e -> matches(e, hostPort));
  }

  /** Whether {@code hostPort} is listed explicitly, not through a wildcard or an empty list. */
  public boolean listsExplicitly(String hostPort) {
    String hp = hostPort.toLowerCase(Locale.ROOT);
    String host = hostOf(hp);
    return entries.stream().anyMatch(e -> !e.startsWith("*.") && (e.equals(hp) || e.equals(host)));
  }

  private static boolean matches(String entry, String hostPort) {
    String hp = hostPort.toLowerCase(Locale.ROOT);
    String host = hostOf(hp);
    if (entry.startsWith("*.")) {
      return host.endsWith(entry.substring(1)) && host.length() > entry.length() - 1;
    }
    if (entry.equals(hp) || entry.equals(host)) {
      return true;
    }
    boolean hubEntry = entry.equals("docker.io") || entry.equals("index.docker.io");
    return hubEntry
        && (host.equals("registry-1.docker.io")
            || host.equals("docker.io")
            || host.equals("index.docker.io"));
  }

  static String hostOf(String hostPort) {
    if (hostPort.startsWith("[")) {
      return hostPort.substring(0, hostPort.indexOf(']') + 1);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  @Override
  public String toString() {
    return entries.isEmpty() ? "[any]" : entries.toString();
  }
}
