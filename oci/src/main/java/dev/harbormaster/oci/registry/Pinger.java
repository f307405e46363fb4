package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * {@code GET /v2/}: whether the host speaks the distribution API. 200 and 401 (auth required) both
 * mean yes.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#determining-support">determining
 *     support</a>
 */
final class Pinger implements RegistryOperation<Boolean> {
  private final RegistryEndpoint endpoint;

  Pinger(RegistryEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public HttpUrl url() {
    return endpoint.baseUrl().newBuilder().addPathSegment("v2").addPathSegment("").build();
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of();
  }

  @Override
  public boolean handles(int status) {
    return status == 200 || status == 401;
  }

  @Override
  public Boolean handle(Response response) {
    return true;
  }

  @Override
  public boolean replayable() {
    return false; // a 401 is an answer here, not a reason to authenticate
  }

  @Override
  public String describe() {
    return "GET " + endpoint.registry() + "/v2/";
  }
}
