package dev.harbormaster.oci.auth;

import java.util.Locale;

/**
 * A credential key of a Docker config or pull secret, matched against images the way kubelet does:
 * scheme and a leading {@code /v1/} or {@code /v2/} are stripped; the host must have the same
 * number of labels, each glob-matched ({@code *} and {@code ?} within one label); the port must be
 * equal; the key's path must be a (string) prefix of the image's repository path. Docker Hub's
 * names ({@code index.docker.io}, {@code registry-1.docker.io}) count as {@code docker.io}.
 *
 * @see <a
 *     href="https://github.com/kubernetes/kubernetes/blob/master/pkg/credentialprovider/keyring.go">kubelet
 *     keyring</a>
 */
record RegistryKeyPattern(String key, String host, String port, String path) {

  /**
   * Parses a config key such as {@code https://index.docker.io/v1/} or {@code *.corp:5000/team}.
   */
  static RegistryKeyPattern parse(String rawKey) {
    String k = rawKey.trim();
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    String hostPort = (slash < 0 ? k : k.substring(0, slash)).toLowerCase(Locale.ROOT);
    String path = slash < 0 ? "" : k.substring(slash);
    if (path.startsWith("/v1/") || path.startsWith("/v2/")) {
      path = path.substring(3);
    } else if (path.equals("/v1") || path.equals("/v2")) {
      path = "";
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String host = hostPort;
    String port = "";
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(']') < colon) {
      host = hostPort.substring(0, colon);
      port = hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new InvalidCredentialsException("credential key \"" + rawKey + "\" has no host");
    }
    host =
        switch (host) {
          case "index.docker.io", "registry-1.docker.io" -> "docker.io";
          default -> host;
        };
    return new RegistryKeyPattern(
        host + (port.isEmpty() ? "" : ":" + port) + path, host, port, path);
  }

  /** Whether this key applies to {@code repository} on the normalised {@code registry}. */
  boolean matches(String registry, String repository) {
    String imageHost = registry.toLowerCase(Locale.ROOT);
    String imagePort = "";
    int colon = imageHost.lastIndexOf(':');
    if (colon >= 0 && imageHost.indexOf(']') < colon) {
      imagePort = imageHost.substring(colon + 1);
      imageHost = imageHost.substring(0, colon);
    }
    if (!port.equals(imagePort) || !hostMatches(host, imageHost)) {
      return false;
    }
    return ("/" + repository).startsWith(path);
  }

  private static boolean hostMatches(String pattern, String host) {
    String[] p = pattern.split("\\.", -1);
    String[] h = host.split("\\.", -1);
    if (p.length != h.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!glob(p[i], 0, h[i], 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean glob(String p, int pi, String s, int si) {
    // Labels are short; the recursion only branches on '*'.
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (glob(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
