package dev.harbormaster.host.tls;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the admission server from the PEM files cert-manager writes ({@code tls.crt}, {@code
 * tls.key}, optionally {@code ca.crt} for client certificates), reloaded without a restart when the
 * files change.
 *
 * <pre>{@code
 * TlsServerContext tls = TlsServerContext.open(cert, key, Optional.of(clientCa));
 * ServerConnector connector = new ServerConnector(server, tls.sslContextFactory());
 * tls.startWatching();
 * }</pre>
 *
 * <p>Only TLS 1.2 and 1.3 (<a href="https://www.rfc-editor.org/rfc/rfc8446">RFC 8446</a>) with
 * forward-secret AEAD cipher suites are offered, per <a
 * href="https://www.rfc-editor.org/rfc/rfc9325">RFC 9325 (BCP 195)</a>.
 */
public final class TlsServerContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TlsServerContext.class);
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Protocol versions offered. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** Cipher suites offered: TLS 1.3's, and ECDHE with AES-GCM or ChaCha20-Poly1305 for 1.2. */
  static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private final TlsPaths paths;
  private final Clock clock;
  private final SslContextFactory.Server factory;
  private final AtomicReference<TlsMaterial> served;
  private final String loadedDigest;
  private final AtomicLong reloadAttempts = new AtomicLong();
  private Optional<CertificateReloader> reloader = Optional.empty();

  private TlsServerContext(TlsPaths paths, Clock clock, TlsMaterial material, String loadedDigest) {
    this.paths = paths;
    this.clock = clock;
    this.served = new AtomicReference<>(material);
    this.loadedDigest = loadedDigest;
    this.factory = new SslContextFactory.Server();
    factory.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
    factory.setIncludeCipherSuites(CIPHER_SUITES.toArray(String[]::new));
    factory.setRenegotiationAllowed(false);
    factory.setSniRequired(false);
    // Asked, not required, at the handshake: probes and scrapes on this port carry no certificate.
    // A certificate that is presented must chain to the client CAs; the review endpoints then
    // refuse requests without one (ReviewHandler).
    factory.setWantClientAuth(paths.clientCaFile().isPresent());
    apply(factory, material);
  }

  /**
   * Loads and validates the files.
   *
   * @throws TlsMaterialException naming the file and the problem: missing or unreadable file, no
   *     certificate, a key that does not match the certificate, an unsupported or encrypted key. An
   *     expired certificate only logs a warning.
   */
  public static TlsServerContext open(Path certFile, Path keyFile, Optional<Path> clientCaFile) {
    TlsPaths paths = new TlsPaths(certFile, keyFile, clientCaFile);
    String digest = CertificateReloader.digest(paths.all());
    TlsMaterial material = TlsMaterial.load(paths, Clock.systemUTC());
    TlsServerContext context = new TlsServerContext(paths, Clock.systemUTC(), material, digest);
    LOG.info(
        "TLS: serving {} from {}{}",
        describe(material),
        paths.certFile(),
        clientCaFile.isPresent() ? ", client certificates required" : "");
    return context;
  }

  /**
   * The Jetty factory to put on a {@code ServerConnector}: TLS 1.2+, the cipher suites of {@link
   * #CIPHER_SUITES}, client certificates required (and verified against the client CA file) when
   * one was given, SNI not required.
   */
  public SslContextFactory.Server sslContextFactory() {
    return factory;
  }

  /** The leaf certificate being served now. */
  public ServedCertificate servedCertificate() {
    return ServedCertificate.of(served.get().leaf());
  }

  /**
   * Starts watching the files; on a change the key material is reloaded in place ({@link
   * SslContextFactory#reload}). New files that do not load (half-written, mismatched, invalid) are
   * logged as an error and the current material keeps serving until the files change again.
   */
  public synchronized void startWatching() {
    if (reloader.isEmpty()) {
      reloader =
          Optional.of(
              new CertificateReloader(paths.all(), loadedDigest, POLL_INTERVAL, this::reload));
    }
  }

  /** Loads the files now and serves them if valid; true when the new material is being served. */
  boolean reload() {
    try {
      return swapMaterial();
    } finally {
      reloadAttempts.incrementAndGet();
    }
  }

  /** How many reloads were attempted (whatever their outcome); lets tests wait for one. */
  long reloadAttempts() {
    return reloadAttempts.get();
  }

  private boolean swapMaterial() {
    TlsMaterial previous = served.get();
    TlsMaterial next;
    try {
      next = TlsMaterial.load(paths, clock);
    } catch (TlsMaterialException e) {
      LOG.error(
          "TLS files changed but cannot be used; still serving {}: {}",
          describe(previous),
          e.getMessage());
      return false;
    }
    try {
      factory.reload(f -> apply((SslContextFactory.Server) f, next));
    } catch (Exception e) {
      LOG.error("Jetty refused the new TLS material; restoring {}", describe(previous), e);
      try {
        factory.reload(f -> apply((SslContextFactory.Server) f, previous));
      } catch (Exception again) {
        LOG.error("restoring the previous TLS material failed too", again);
      }
      return false;
    }
    served.set(next);
    LOG.info(
        "TLS: reloaded, now serving {} (was serial {})",
        describe(next),
        previous.leaf().getSerialNumber().toString(16));
    return true;
  }

  /** Stops watching the files. The factory itself belongs to the Jetty connector. */
  @Override
  public synchronized void close() {
    reloader.ifPresent(CertificateReloader::close);
    reloader = Optional.empty();
  }

  private static void apply(SslContextFactory.Server factory, TlsMaterial material) {
    byte[] secret = new byte[18];
    RANDOM.nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    factory.setKeyStore(material.keyStore(password.toCharArray()));
    factory.setKeyStorePassword(password);
    factory.setKeyManagerPassword(password);
    material.trustStore().ifPresent(factory::setTrustStore);
  }

  private static String describe(TlsMaterial material) {
    ServedCertificate leaf = ServedCertificate.of(material.leaf());
    return "certificate '%s' serial %s valid until %s (sha256 %s)"
        .formatted(leaf.subject(), leaf.serial(), leaf.notAfter(), leaf.sha256());
  }
}
