package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.transport.Backoff;
import dev.harbormaster.oci.transport.HostAllowList;
import dev.harbormaster.oci.transport.HttpTransport;
import dev.harbormaster.oci.transport.TransportPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Configures a {@link RegistryClient}. Defaults: every registry allowed except link-local,
 * cloud-metadata and loopback addresses; HTTPS with the JDK's CAs; connect 5 s, read 30 s, no call
 * timeout; 4 attempts with 200 ms..5 s jittered backoff; {@code Retry-After} honoured up to 60 s; 8
 * requests in flight per registry; anonymous access.
 */
public final class RegistryClientBuilder {
  private final List<String> allowedHosts = new ArrayList<>();
  private final Set<String> insecureHosts = new HashSet<>();
  private boolean allowLoopback;
  private Optional<Path> caBundle = Optional.empty();
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ZERO;
  private Backoff backoff = Backoff.DEFAULT;
  private Duration maxRetryAfter = Duration.ofSeconds(60);
  private int maxConcurrentPerRegistry = 8;
  private String userAgent = "harbormaster-oci/0.1";
  private Keyring keyring = Keyring.anonymous();
  private int maxBlobResumes = 3;

  RegistryClientBuilder() {}

  /**
   * Restricts the client to these registries: {@code host}, {@code host:port} or {@code *.domain}.
   * A host listed exactly may also be a loopback address.
   */
  public RegistryClientBuilder allowHosts(String... hosts) {
    return allowHosts(List.of(hosts));
  }

  /** See {@link #allowHosts(String...)}. */
  public RegistryClientBuilder allowHosts(Collection<String> hosts) {
    allowedHosts.addAll(hosts);
    return this;
  }

  /** Registries ({@code host} or {@code host:port}) reached over plain HTTP. */
  public RegistryClientBuilder insecureHosts(String... hosts) {
    return insecureHosts(List.of(hosts));
  }

  /** See {@link #insecureHosts(String...)}. */
  public RegistryClientBuilder insecureHosts(Collection<String> hosts) {
    insecureHosts.addAll(hosts);
    return this;
  }

  /** Allows loopback addresses for every host (tests, a registry on the same node). */
  public RegistryClientBuilder allowLoopback(boolean allow) {
    this.allowLoopback = allow;
    return this;
  }

  /** Trusts the CAs of this PEM file in addition to the JDK's. */
  public RegistryClientBuilder caBundle(Path pemFile) {
    this.caBundle = Optional.of(pemFile);
    return this;
  }

  /** Where credentials come from. */
  public RegistryClientBuilder credentials(Keyring keyring) {
    this.keyring = keyring;
    return this;
  }

  /** Connect and read (silence) timeouts. */
  public RegistryClientBuilder timeouts(Duration connect, Duration read) {
    this.connectTimeout = connect;
    this.readTimeout = read;
    return this;
  }

  /** The maximum duration of one request ({@code ZERO}: none, needed for large blobs). */
  public RegistryClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = timeout;
    return this;
  }

  /** Retries of 429, 408, 5xx and I/O errors. */
  public RegistryClientBuilder retries(Backoff backoff) {
    this.backoff = backoff;
    return this;
  }

  /** The longest {@code Retry-After} to wait for; longer ones fail at once as transient. */
  public RegistryClientBuilder maxRetryAfter(Duration max) {
    this.maxRetryAfter = max;
    return this;
  }

  /** Requests in flight per registry. */
  public RegistryClientBuilder maxConcurrentRequestsPerRegistry(int max) {
    this.maxConcurrentPerRegistry = max;
    return this;
  }

  /** How often one blob download may resume after a broken connection. */
  public RegistryClientBuilder maxBlobResumes(int max) {
    this.maxBlobResumes = max;
    return this;
  }

  /** The {@code User-Agent} header. */
  public RegistryClientBuilder userAgent(String userAgent) {
    this.userAgent = userAgent;
    return this;
  }

  /**
   * The client.
   *
   * @throws IllegalArgumentException naming the CA bundle when it cannot be used
   */
  public RegistryClient build() {
    TransportPolicy policy =
        new TransportPolicy(
            new HostAllowList(allowedHosts),
            insecureHosts,
            allowLoopback,
            caBundle,
            connectTimeout,
            readTimeout,
            callTimeout,
            backoff,
            maxRetryAfter,
            maxConcurrentPerRegistry,
            userAgent);
    try {
      return RegistryClient.create(HttpTransport.create(policy), keyring, maxBlobResumes);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
