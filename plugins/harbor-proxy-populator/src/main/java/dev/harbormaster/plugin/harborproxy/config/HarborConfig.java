package dev.harbormaster.plugin.harborproxy.config;

import dev.harbormaster.oci.auth.CredentialFiles;
import dev.harbormaster.oci.reference.ImageReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Harbor is and how to talk to it.
 *
 * @param url {@code https://host[:port]}; {@code http://} only with {@code plainHttp: true}
 * @param plainHttp allows an {@code http://} url (test stands, a Harbor on the node)
 * @param credentials a robot account, from files; empty for anonymous access
 * @param caFile extra CAs (PEM) to trust, relative to the config file's directory
 * @param requestTimeout connect and read (silence) timeout of one request (default 30s)
 * @param requestAttempts quick attempts per request for 429/5xx/I/O before the item is retried
 *     later by the queue (default 3)
 * @param maxRetryAfter the longest {@code Retry-After} a request waits for; longer ones fail the
 *     attempt as transient (default 60s)
 */
public record HarborConfig(
    String url,
    Boolean plainHttp,
    Optional<CredentialFiles> credentials,
    Optional<String> caFile,
    Duration requestTimeout,
    Integer requestAttempts,
    Duration maxRetryAfter) {

  /** Applies defaults and validates the url. */
  public HarborConfig {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("harbor.url is required, e.g. https://harbor.example.com");
    }
    plainHttp = plainHttp != null && plainHttp;
    credentials = credentials == null ? Optional.empty() : credentials;
    caFile = caFile == null ? Optional.empty() : caFile;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
    requestAttempts = requestAttempts == null ? 3 : requestAttempts;
    maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(60) : maxRetryAfter;
    if (!requestTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "harbor.requestTimeout must be positive, got " + requestTimeout);
    }
    if (requestAttempts < 1 || requestAttempts > 10) {
      throw new IllegalArgumentException(
          "harbor.requestAttempts must be 1..10, got " + requestAttempts);
    }
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "harbor.maxRetryAfter must not be negative, got " + maxRetryAfter);
    }
    host(url, plainHttp); // validates
  }

  /** The registry name of Harbor, {@code host[:port]}, as it appears in image references. */
  public String host() {
    return host(url, plainHttp);
  }

  /** Whether Harbor is reached over plain HTTP. */
  public boolean isPlainHttp() {
    return url.startsWith("http://");
  }

  private static String host(String url, boolean plainHttp) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "harbor.url \"" + url + "\" is not a URL: " + e.getReason());
    }
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          "harbor.url \"" + url + "\" must start with https:// (or http:// with plainHttp: true)");
    }
    if (scheme.equals("http") && !plainHttp) {
      throw new IllegalArgumentException(
          "harbor.url \""
              + url
              + "\" uses plain http://; set harbor.plainHttp: true to allow it, or use https://");
    }
    if (uri.getHost() == null
        || uri.getUserInfo() != null
        || uri.getQuery() != null
        || uri.getFragment() != null
        || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
      throw new IllegalArgumentException(
          "harbor.url \"" + url + "\" must be scheme://host[:port] without path, user or query");
    }
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    // Image references only treat a first segment as a host if it has a dot or port, or is
    // localhost: a Harbor called "harbor" would be read as a Docker Hub user.
    boolean readsAsHost =
        ImageReference.tryParse(host + "/x").map(r -> r.registry().equals(host)).orElse(false);
    if (!readsAsHost) {
      throw new IllegalArgumentException(
          "harbor.url \""
              + url
              + "\": host "
              + host
              + " does not read as a registry in image references; use a name with a dot or a"
              + " port");
    }
    return host;
  }
}
