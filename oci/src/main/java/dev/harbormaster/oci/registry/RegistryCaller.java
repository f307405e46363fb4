package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.AuthenticationFailedException;
import dev.harbormaster.oci.auth.RegistryAuthenticator;
import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.transport.AddressRefusedException;
import dev.harbormaster.oci.transport.HttpTransport;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs a {@link RegistryOperation}: adds authentication, sends it through the {@link HttpTransport}
 * (retries, throttling, policy), handles 401 (challenge, {@code insufficient_scope}, one
 * re-authentication) and maps every status the operation does not handle to a typed {@link
 * RegistryException}.
 */
final class RegistryCaller {
  private static final int MAX_AUTH_RETRIES = 3;

  private final HttpTransport transport;
  private final RegistryAuthenticator authenticator;

  RegistryCaller(HttpTransport transport, RegistryAuthenticator authenticator) {
    this.transport = transport;
    this.authenticator = authenticator;
  }

  HttpTransport transport() {
    return transport;
  }

  <T> T call(RegistryEndpoint endpoint, String repository, RegistryOperation<T> op)
      throws RegistryException {
    Set<Scope> scopes = op.scopes();
    int authRetries = 0;
    while (true) {
      Optional<String> authorization = authorize(endpoint, repository, scopes, op);
      Request.Builder request =
          new Request.Builder()
              .url(op.url())
              .method(op.method(), op.body().orElse(null))
              .header("User-Agent", transport.policy().userAgent());
      op.addHeaders(request);
      authorization.ifPresent(a -> request.header("Authorization", a));
      Response response = send(request.build(), endpoint, op);
      boolean close = true;
      try {
        if (response.code() == 401 && authRetries < MAX_AUTH_RETRIES && op.replayable()) {
          var retry =
              authenticator.onUnauthorized(
                  endpoint.registry(),
                  repository,
                  scopes,
                  response.header("WWW-Authenticate"),
                  authorization);
          if (retry.retry()) {
            authRetries++;
            scopes = retry.scopes();
            continue;
          }
        }
        if (op.handles(response.code())) {
          T result = op.handle(response);
          close = !op.keepsResponseOpen();
          return result;
        }
        throw RegistryErrors.toException(
            op.describe(), response, authenticator.lastRejection(endpoint.registry()));
      } catch (RegistryException e) {
        throw e;
      } catch (IOException e) {
        throw new TransientRegistryException(op.describe() + ": " + e, 0, List.of(), e);
      } finally {
        if (close) {
          response.close();
        }
      }
    }
  }

  private Optional<String> authorize(
      RegistryEndpoint endpoint, String repository, Set<Scope> scopes, RegistryOperation<?> op)
      throws RegistryException {
    try {
      return authenticator.authorization(endpoint.registry(), repository, scopes);
    } catch (AuthenticationFailedException e) {
      throw new AuthenticationException(
          op.describe() + ": " + e.getMessage(), e.status(), List.of(), e);
    } catch (AddressRefusedException e) {
      throw new RefusedByPolicyException(op.describe() + ": token endpoint: " + e.getMessage());
    } catch (IOException e) {
      throw new TransientRegistryException(
          op.describe() + ": token endpoint: " + e, 0, List.of(), e);
    }
  }

  private Response send(Request request, RegistryEndpoint endpoint, RegistryOperation<?> op)
      throws RegistryException {
    try {
      return transport.execute(request, endpoint.registry(), op.replayable());
    } catch (AddressRefusedException e) {
      throw new RefusedByPolicyException(op.describe() + ": " + e.getMessage());
    } catch (IOException e) {
      if (HttpTransport.isTrustFailure(e)) {
        throw new PermanentRegistryException(
            op.describe() + ": TLS certificate not trusted (configure a CA bundle?): " + e,
            0,
            List.of(),
            e);
      }
      throw new TransientRegistryException(op.describe() + ": " + e, 0, List.of(), e);
    }
  }
}
