package dev.harbormaster.oci.registry;

import java.util.List;

/**
 * The client's transport policy forbids the request: the registry is not on the allow-list, the
 * host resolves to a link-local, cloud-metadata or (unless allowed) loopback address, or plain HTTP
 * was needed for a host not listed as insecure. Nothing was sent.
 */
public final class RefusedByPolicyException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused and why
   */
  public RefusedByPolicyException(String message) {
    super(message, 0, List.of(), null);
  }
}
