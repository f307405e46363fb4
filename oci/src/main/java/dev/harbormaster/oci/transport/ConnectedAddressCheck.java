package dev.harbormaster.oci.transport;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that checks the address actually connected before a request is written: the
 * last line against DNS rebinding and IP literals that bypass DNS.
 */
final class ConnectedAddressCheck implements Interceptor {
  private final TransportPolicy policy;

  ConnectedAddressCheck(TransportPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null) {
      HttpUrl url = chain.request().url();
      InetAddress address = connection.route().socketAddress().getAddress();
      var refusal =
          AddressGuard.refusalFor(address, policy.loopbackAllowedFor(url.host(), url.port()));
      if (refusal.isPresent()) {
        throw new AddressRefusedException("refusing " + url.host() + ": " + refusal.get());
      }
    }
    return chain.proceed(chain.request());
  }
}
