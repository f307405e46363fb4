package dev.harbormaster.oci.reference;

/** Recognises registry hosts that are this machine, from the text alone (no DNS). */
final class LoopbackHosts {
  private LoopbackHosts() {}

  /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, with or without a port. */
  static boolean isLoopback(String registry) {
    String host = hostOf(registry);
    return host.equals("localhost") || host.equals("[::1]") || isIpv4Loopback(host);
  }

  private static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      return registry.substring(0, registry.indexOf(']') + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  private static boolean isIpv4Loopback(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
