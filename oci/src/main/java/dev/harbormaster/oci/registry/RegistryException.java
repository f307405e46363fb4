package dev.harbormaster.oci.registry;

import java.io.IOException;
import java.util.List;

/**
 * A registry operation that failed, with the registry's answer: the HTTP status (0 when there was
 * none) and the OCI error codes of the body. The subclass says what the caller can do about it:
 *
 * <ul>
 *   <li>{@link NotFoundException}: the repository, manifest or blob does not exist (permanent);
 *   <li>{@link AuthenticationException}: credentials missing or rejected, or access denied, after
 *       one re-authentication;
 *   <li>{@link TransientRegistryException}: 429, 5xx, 408 or I/O errors that outlasted the retries;
 *       trying later may work;
 *   <li>{@link PermanentRegistryException}: any other refusal ({@code NAME_INVALID}, {@code
 *       UNSUPPORTED}, a bad answer); retrying will not help;
 *   <li>{@link RefusedByPolicyException}: the client's policy forbids contacting the host.
 * </ul>
 */
public abstract sealed class RegistryException extends IOException
    permits NotFoundException,
        AuthenticationException,
        TransientRegistryException,
        PermanentRegistryException,
        RefusedByPolicyException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<RegistryError> errors;

  RegistryException(String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message + describe(status, errors), cause);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  private static String describe(int status, List<RegistryError> errors) {
    if (status == 0 && errors.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(": ");
    if (status != 0) {
      b.append("HTTP ").append(status);
    }
    for (RegistryError e : errors) {
      b.append(b.length() > 2 ? ", " : "").append(e);
    }
    return b.toString();
  }

  /** The HTTP status of the last answer, or 0 when no answer was received. */
  public int status() {
    return status;
  }

  /** The OCI errors of the last answer's body (empty when it had none). */
  public List<RegistryError> errors() {
    return errors;
  }

  /** Whether the registry reported {@code code}, e.g. {@link RegistryError#MANIFEST_UNKNOWN}. */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }
}
