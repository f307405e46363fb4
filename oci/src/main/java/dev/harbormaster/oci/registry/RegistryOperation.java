package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One registry API call: method, URL, headers, body, the token scopes it needs, which statuses it
 * understands and how it reads them. Every other status is turned into a typed {@link
 * RegistryException} by {@link RegistryCaller}.
 *
 * @param <T> what the call produces
 */
interface RegistryOperation<T> {

  /** The HTTP method. */
  String method();

  /** The request URL. */
  HttpUrl url();

  /** Adds {@code Accept}, {@code Content-Type}, {@code Range}... */
  default void addHeaders(Request.Builder request) {}

  /** The body, for PUT/PATCH/POST. */
  default Optional<RequestBody> body() {
    return Optional.empty();
  }

  /** Whether the request may be sent again (retries, re-authentication). */
  default boolean replayable() {
    return body().map(b -> !b.isOneShot()).orElse(true);
  }

  /** The token scopes the call needs. */
  Set<Scope> scopes();

  /** Whether {@link #handle} understands {@code status}. */
  boolean handles(int status);

  /** Reads the answer. */
  T handle(Response response) throws IOException;

  /** Whether the result owns the response (a streamed body), so the caller must not close it. */
  default boolean keepsResponseOpen() {
    return false;
  }

  /** What the call does, for messages: {@code HEAD manifest quay.io/a/b:1}. */
  String describe();
}
