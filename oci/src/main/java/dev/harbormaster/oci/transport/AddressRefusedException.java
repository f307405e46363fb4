package dev.harbormaster.oci.transport;

import java.net.UnknownHostException;

/** A host or address that {@link AddressGuard} or the allow-list refuses; nothing was sent. */
public final class AddressRefusedException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the host and why it is refused
   */
  public AddressRefusedException(String message) {
    super(message);
  }
}
