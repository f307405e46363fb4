package dev.harbormaster.oci.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to registries under a {@link TransportPolicy}: one OkHttp client (one connection
 * pool) for all registries; retries of 429 (waiting {@code Retry-After} for the whole registry),
 * 408, 5xx and I/O errors with {@link Backoff}; a per-registry concurrency limit; redirects
 * followed here, never carrying {@code Authorization} to another host; and {@link AddressGuard}
 * applied to every URL and every connection.
 */
public final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private final TransportPolicy policy;
  private final OkHttpClient client;
  private final RegistryThrottle throttle;

  private HttpTransport(TransportPolicy policy, OkHttpClient client, RegistryThrottle throttle) {
    this.policy = policy;
    this.client = client;
    this.throttle = throttle;
  }

  /**
   * A transport with its own connection pool.
   *
   * @throws IOException when the CA bundle cannot be read
   */
  public static HttpTransport create(TransportPolicy policy) throws IOException {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
            .connectTimeout(policy.connectTimeout())
            .readTimeout(policy.readTimeout())
            .writeTimeout(policy.readTimeout())
            .callTimeout(policy.callTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .dns(new GuardedDns())
            .addNetworkInterceptor(new ConnectedAddressCheck(policy));
    if (policy.caBundle().isPresent()) {
      CaBundleTrust trust = CaBundleTrust.withBundle(policy.caBundle().get());
      b.sslSocketFactory(trust.socketFactory(), trust);
    }
    return new HttpTransport(
        policy,
        b.build(),
        new RegistryThrottle(policy.maxConcurrentPerRegistry(), Clock.systemUTC()));
  }

  /** The policy this transport enforces. */
  public TransportPolicy policy() {
    return policy;
  }

  /**
   * This transport with another per-request timeout and number of attempts, sharing connections,
   * throttling and policy (e.g. a quick existence check on the admission path).
   */
  public HttpTransport withLimits(Duration callTimeout, int maxAttempts) {
    Backoff backoff = new Backoff(maxAttempts, policy.backoff().base(), policy.backoff().max());
    TransportPolicy p =
        new TransportPolicy(
            policy.allowedRegistries(),
            policy.insecureRegistries(),
            policy.allowLoopback(),
            policy.caBundle(),
            policy.connectTimeout().compareTo(callTimeout) > 0 && !callTimeout.isZero()
                ? callTimeout
                : policy.connectTimeout(),
            policy.readTimeout(),
            callTimeout,
            backoff,
            policy.maxRetryAfter(),
            policy.maxConcurrentPerRegistry(),
            policy.userAgent());
    OkHttpClient c =
        client.newBuilder().callTimeout(callTimeout).connectTimeout(p.connectTimeout()).build();
    return new HttpTransport(p, c, throttle);
  }

  /** The base URL of a registry's API, {@code https://host[:port]} or {@code http://...}. */
  public HttpUrl baseUrl(String hostPort) {
    HttpUrl probe = HttpUrl.get("http://" + hostPort + "/");
    String scheme = policy.isInsecure(probe.host(), probe.port()) ? "http" : "https";
    if (scheme.equals("https") && probe.port() == 80 && !hostPort.endsWith(":80")) {
      return probe.newBuilder().scheme("https").port(443).build();
    }
    return probe.newBuilder().scheme(scheme).build();
  }

  /**
   * Sends {@code request} to {@code registry}, retrying as the policy says when {@code replayable}
   * (a one-shot streamed body is sent once). The returned response holds a concurrency permit of
   * the registry until it is closed: always close it.
   *
   * @return the final response, which may be an error status once retries are exhausted
   * @throws AddressRefusedException when the policy forbids the URL or a redirect target
   * @throws IOException the last I/O error once retries are exhausted
   */
  public Response execute(Request request, String registry, boolean replayable) throws IOException {
    Backoff backoff = policy.backoff();
    int attempt = 0;
    while (true) {
      attempt++;
      boolean last = !replayable || attempt >= backoff.maxAttempts();
      acquire(registry);
      Response response;
      try {
        response = followRedirects(request);
      } catch (AddressRefusedException e) {
        throttle.release(registry);
        throw e;
      } catch (IOException e) {
        throttle.release(registry);
        if (last || isTrustFailure(e)) {
          throw e;
        }
        LOG.debug("{} {} failed ({}), retrying", request.method(), request.url(), e.toString());
        sleep(backoff.delayBefore(attempt));
        continue;
      }
      int code = response.code();
      if (!last && isRetryable(code)) {
        Duration wait = backoff.delayBefore(attempt);
        if (code == 429) {
          var retryAfter =
              RetryAfter.parse(response.header("Retry-After"), Clock.systemUTC().instant());
          if (retryAfter.isPresent()) {
            if (retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
              return ReleasingBody.wrap(response, () -> throttle.release(registry));
            }
            throttle.pause(registry, retryAfter.get());
            wait = Duration.ZERO;
          }
        }
        LOG.debug("{} {} answered {}, retrying", request.method(), request.url(), code);
        response.close();
        throttle.release(registry);
        sleep(wait);
        continue;
      }
      return ReleasingBody.wrap(response, () -> throttle.release(registry));
    }
  }

  /**
   * Checks a URL against the policy before anything is sent.
   *
   * @throws AddressRefusedException naming the URL and the rule
   */
  public void checkAllowed(HttpUrl url) throws java.net.UnknownHostException {
    if (url.scheme().equals("http") && !policy.isInsecure(url.host(), url.port())) {
      throw new AddressRefusedException(
          "refusing plain HTTP to "
              + url.host()
              + ":"
              + url.port()
              + " (not an insecure registry)");
    }
    var byName = AddressGuard.refusalForName(url.host());
    if (byName.isPresent()) {
      throw new AddressRefusedException("refusing " + url.host() + ": " + byName.get());
    }
    if (isIpLiteral(url.host())) {
      InetAddress literal = InetAddress.getByName(url.host()); // a literal: no DNS lookup
      var refusal =
          AddressGuard.refusalFor(literal, policy.loopbackAllowedFor(url.host(), url.port()));
      if (refusal.isPresent()) {
        throw new AddressRefusedException("refusing " + url.host() + ": " + refusal.get());
      }
    }
  }

  private Response followRedirects(Request request) throws IOException {
    Request current = request;
    for (int hop = 0; ; hop++) {
      checkAllowed(current.url());
      Response response = client.newCall(current).execute();
      String location = response.header("Location");
      if (!REDIRECTS.contains(response.code()) || location == null) {
        return response;
      }
      response.close();
      if (hop == MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + request.url());
      }
      HttpUrl target = current.url().resolve(location);
      if (target == null) {
        throw new IOException("unreadable redirect Location \"" + location + "\"");
      }
      Request.Builder next = current.newBuilder().url(target);
      if (!sameOrigin(current.url(), target)) {
        // Blob downloads are redirected to object storage: credentials stay with the registry.
        next.removeHeader("Authorization");
      }
      if (response.code() == 303 && !current.method().equals("HEAD")) {
        next.method("GET", null);
      }
      current = next.build();
    }
  }

  /** A certificate the client does not trust: retrying cannot help. */
  public static boolean isTrustFailure(IOException e) {
    return e instanceof javax.net.ssl.SSLHandshakeException
        || e instanceof javax.net.ssl.SSLPeerUnverifiedException;
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static boolean isRetryable(int code) {
    return code == 429 || code == 408 || (code >= 500 && code != 501 && code != 505);
  }

  private static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private void acquire(String registry) throws InterruptedIOException {
    try {
      throttle.acquire(registry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for " + registry);
    }
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during retry backoff");
    }
  }
}
