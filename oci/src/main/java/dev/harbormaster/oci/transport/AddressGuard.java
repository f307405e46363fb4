package dev.harbormaster.oci.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which network addresses the client may connect to, so that an image name written in a pod
 * spec can never make Harbormaster fetch an arbitrary internal URL (SSRF). Always refused:
 * link-local addresses ({@code 169.254.0.0/16}, {@code fe80::/10}), cloud metadata endpoints
 * ({@code 169.254.169.254}, {@code fd00:ec2::254}, {@code metadata.google.internal}), and the
 * unspecified address. Loopback is refused unless the policy allows it for the host.
 *
 * <p>Checked on the host name before connecting, on every resolved address, and on the address of
 * the socket actually connected (which also defeats DNS rebinding).
 */
public final class AddressGuard {
  private static final Set<String> METADATA_HOST_NAMES =
      Set.of("metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal");

  private AddressGuard() {}

  /** Why {@code hostName} must not be contacted by name, if it must not. */
  public static Optional<String> refusalForName(String hostName) {
    String h = hostName.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (METADATA_HOST_NAMES.contains(h)) {
      return Optional.of("host " + hostName + " is a cloud metadata endpoint");
    }
    return Optional.empty();
  }

  /** Why {@code address} must not be contacted, if it must not. */
  public static Optional<String> refusalFor(InetAddress address, boolean loopbackAllowed) {
    String shown = address.getHostAddress();
    if (isMetadata(address)) {
      return Optional.of("address " + shown + " is a cloud metadata endpoint");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("address " + shown + " is link-local");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("address " + shown + " is the unspecified address");
    }
    if (address.isLoopbackAddress() && !loopbackAllowed) {
      return Optional.of(
          "address " + shown + " is loopback (allow the host explicitly to permit it)");
    }
    if (address instanceof Inet6Address v6 && isIpv4Mapped(v6)) {
      byte[] b = v6.getAddress();
      try {
        InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        return refusalFor(v4, loopbackAllowed);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.empty();
  }

  private static boolean isMetadata(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return (b[0] & 0xff) == 169
          && (b[1] & 0xff) == 254
          && (b[2] & 0xff) == 169
          && (b[3] & 0xff) == 254;
    }
    // fd00:ec2::254 (AWS IMDS over IPv6)
    byte[] imds = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
    return java.util.Arrays.equals(b, imds);
  }

  private static boolean isIpv4Mapped(Inet6Address a) {
    byte[] b = a.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
