package dev.harbormaster.oci.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a registry client may reach registries: which hosts, over which scheme, with which trust,
 * timeouts, retries and concurrency.
 *
 * @param allowedRegistries registries that may be contacted (empty list: any, subject to {@link
 *     AddressGuard})
 * @param insecureRegistries {@code host[:port]}s reached over plain HTTP; all others use HTTPS
 * @param allowLoopback whether loopback addresses are allowed for every host; otherwise only hosts
 *     listed explicitly in {@code allowedRegistries} or {@code insecureRegistries} may be loopback
 * @param caBundle a PEM file of extra CAs trusted besides the JDK's
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout maximum silence while reading or writing
 * @param callTimeout maximum duration of one request, {@code ZERO} for none (streamed blobs)
 * @param backoff retries of 429, 408, 5xx and I/O errors
 * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting; longer ones fail fast
 * @param maxConcurrentPerRegistry requests in flight per registry
 * @param userAgent the {@code User-Agent} header
 */
public record TransportPolicy(
    HostAllowList allowedRegistries,
    Set<String> insecureRegistries,
    boolean allowLoopback,
    Optional<Path> caBundle,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    Backoff backoff,
    Duration maxRetryAfter,
    int maxConcurrentPerRegistry,
    String userAgent) {

  /** Normalises host names to lower case. */
  public TransportPolicy {
    insecureRegistries =
        insecureRegistries.stream()
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code host:port} (or the bare host) is listed as plain HTTP. */
  public boolean isInsecure(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    String shown = h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    return insecureRegistries.contains(shown + ":" + port) || insecureRegistries.contains(shown);
  }

  /** Whether {@code host:port} may resolve to a loopback address. */
  public boolean loopbackAllowedFor(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    String shown = h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    return allowLoopback
        || isInsecure(host, port)
        || allowedRegistries.listsExplicitly(shown + ":" + port);
  }
}
