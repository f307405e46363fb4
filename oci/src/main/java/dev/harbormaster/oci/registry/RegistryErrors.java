package dev.harbormaster.oci.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error answer into a typed {@link RegistryException}, reading the OCI error body.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">error
 *     codes</a>
 */
final class RegistryErrors {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_ERROR_BODY = 64 * 1024;

  private RegistryErrors() {}

  static RegistryException toException(
      String description, Response response, Optional<String> authRejection) {
    int status = response.code();
    List<RegistryError> errors = read(response);
    boolean notFound =
        status == 404
            || errors.stream()
                .anyMatch(
                    e ->
                        e.code().equals(RegistryError.NAME_UNKNOWN)
                            || e.code().equals(RegistryError.MANIFEST_UNKNOWN)
                            || e.code().equals(RegistryError.BLOB_UNKNOWN));
    boolean denied =
        status == 401
            || status == 403
            || errors.stream()
                .anyMatch(
                    e ->
                        e.code().equals(RegistryError.DENIED)
                            || e.code().equals(RegistryError.UNAUTHORIZED));
    if (denied) {
      String why =
          authRejection
              .map(r -> " (" + r + ")")
              .orElse(status == 401 ? " (no accepted credentials)" : "");
      return new AuthenticationException(description + why, status, errors, null);
    }
    if (notFound) {
      return new NotFoundException(description, status, errors, null);
    }
    if (status == 429 || status == 408 || status >= 500) {
      return new TransientRegistryException(description, status, errors, null);
    }
    return new PermanentRegistryException(description, status, errors, null);
  }

  private static List<RegistryError> read(Response response) {
    List<RegistryError> out = new ArrayList<>();
    try {
      BufferedSource source = response.body().source();
      Buffer buffer = new Buffer();
      while (buffer.size() < MAX_ERROR_BODY && source.read(buffer, 8192) != -1) {
        // read at most MAX_ERROR_BODY bytes
      }
      if (buffer.size() == 0) {
        return out;
      }
      JsonNode errors = JSON.readTree(buffer.readByteArray()).path("errors");
      for (JsonNode e : errors) {
        String code = e.path("code").isString() ? e.path("code").stringValue() : "UNKNOWN";
        String message = e.path("message").isString() ? e.path("message").stringValue() : "";
        out.add(new RegistryError(code, message));
      }
    } catch (IOException | JacksonException | IllegalStateException e) {
      // not an OCI error body: the status alone classifies the failure
    }
    return out;
  }
}
