package dev.harbormaster.oci.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves host names and refuses the lookup when the name or any resolved address is forbidden by
 * {@link AddressGuard} (one bad address refuses the whole name: no fallback to the others).
 */
final class GuardedDns implements Dns {
  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    var byName = AddressGuard.refusalForName(hostname);
    if (byName.isPresent()) {
      throw new AddressRefusedException("refusing " + hostname + ": " + byName.get());
    }
    List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
    // The port is unknown here: loopback is decided per URL by the network interceptor.
    for (InetAddress a : addresses) {
      var refusal = AddressGuard.refusalFor(a, true);
      if (refusal.isPresent()) {
        throw new AddressRefusedException("refusing " + hostname + ": " + refusal.get());
      }
    }
    return addresses;
  }
}
