package dev.harbormaster.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block, as NetworkPolicy's {@code ipBlock.cidr} and {@code except} hold it.
 *
 * @param network the network address
 * @param prefix the prefix length in bits
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4632#section-3.1">RFC 4632 section 3.1</a>
 */
record Cidr(InetAddress network, int prefix) {

  /** Checks the prefix length against the address family. */
  Cidr {
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix /" + prefix + " out of range for " + network);
    }
  }

  /**
   * Parses {@code 10.0.0.0/8} or {@code fd00::/8}.
   *
   * @throws IllegalArgumentException naming the text when it is not a CIDR
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR (no /prefix): '" + text + "'");
    }
    try {
      return new Cidr(
          literal(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR (bad prefix): '" + text + "'", e);
    }
  }

  /** True when {@code address} is of the same family and inside this block. */
  boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The address of an IP literal; never resolves a host name. */
  static InetAddress literal(String ip) {
    if (!ip.matches("[0-9a-fA-F:.]+") || !(ip.contains(".") || ip.contains(":"))) {
      throw new IllegalArgumentException("not an IP literal: '" + ip + "'");
    }
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: '" + ip + "'", e);
    }
  }
}
