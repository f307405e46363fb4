package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.PeerBinaries;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.WorkDirs;
import dev.harbormaster.testkit.registry.RegistryConfig.RegistryAuth;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Debian {@code docker-registry} (distribution 2.8) on a free 127.0.0.1 port, plain HTTP,
 * with its own temporary work directory (config, storage, logs). Stopped by PID on {@link
 * #close()}.
 *
 * <pre>{@code
 * try (RegistryPeer plain = RegistryPeer.startPlain();
 *     RegistryPeer secured = RegistryPeer.builder().htpasswd("alice", "s3cret").start();
 *     RegistryPeer cache = RegistryPeer.builder().proxyOf(plain).start()) {
 *   URI ping = plain.baseUrl().resolve("/v2/");     // http://127.0.0.1:PORT/v2/
 *   String ref = plain.dockerRef("app:v1");         // docker://127.0.0.1:PORT/app:v1 (skopeo)
 *   long gets = plain.accessLog().count("GET", "/v2/app/manifests/.*");
 * }
 * }</pre>
 *
 * <p>In JUnit tests prefer {@link RegistryPeers}, which stops everything after the class. Needs the
 * {@code docker-registry} binary (see {@link PeerBinaries#require}).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
public final class RegistryPeer implements AutoCloseable {

  private final RegistryLauncher.Launched launched;
  private final Optional<Credentials> credentials;
  private final Optional<URI> proxyRemote;
  private volatile PeerProcess process;

  private RegistryPeer(
      RegistryLauncher.Launched launched,
      Optional<Credentials> credentials,
      Optional<URI> proxyRemote) {
    this.launched = launched;
    this.credentials = credentials;
    this.proxyRemote = proxyRemote;
    this.process = launched.process();
  }

  /** Starts a plain registry: no auth, delete enabled. */
  public static RegistryPeer startPlain() {
    return builder().start();
  }

  /** A builder for a registry with auth, proxy mode or other options. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
  public String host() {
    return "127.0.0.1:" + port();
  }

  /** The TCP port. */
  public int port() {
    return launched.port();
  }

  /** {@code http://127.0.0.1:PORT} (no trailing slash); resolve {@code /v2/...} against it. */
  public URI baseUrl() {
    return URI.create("http://" + host());
  }

  /** {@code 127.0.0.1:PORT/<repoAndTag>}, e.g. for {@code ctr images pull}. */
  public String imageRef(String repoAndTagOrDigest) {
    return host() + "/" + repoAndTagOrDigest;
  }

  /** {@code docker://127.0.0.1:PORT/<repoAndTag>}, the skopeo transport reference. */
  public String dockerRef(String repoAndTagOrDigest) {
    return "docker://" + imageRef(repoAndTagOrDigest);
  }

  /** Root of the registry's filesystem storage (contains {@code docker/registry/v2/...}). */
  public Path storageRoot() {
    return launched.storage();
  }

  /**
   * True when the registry's storage holds the blob (proxy registries store what they served).
   *
   * @param digest {@code sha256:<hex>}
   */
  public boolean storesBlob(String digest) {
    String[] parts = digest.split(":", 2);
    if (parts.length != 2 || parts[1].length() < 2) {
      throw new IllegalArgumentException(
          "digest must look like sha256:<hex>, got '" + digest + "'");
    }
    return Files.exists(
        storageRoot()
            .resolve(
                "docker/registry/v2/blobs/"
                    + parts[0]
                    + "/"
                    + parts[1].substring(0, 2)
                    + "/"
                    + parts[1]
                    + "/data"));
  }

  /**
   * Waits until the registry's storage holds the blob: a proxy registry writes what it served in
   * the background, just after the client got the bytes.
   *
   * @throws AssertionError when the blob is still missing after {@code timeout}
   */
  public void awaitStoredBlob(String digest, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!storesBlob(digest)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "registry " + host() + " did not store blob " + digest + " within " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for blob " + digest, e);
      }
    }
  }

  /** The temporary directory holding config, logs and storage of this peer. */
  public Path workDir() {
    return launched.workDir();
  }

  /** Credentials for an htpasswd registry; empty for plain, proxy and token registries. */
  public Optional<Credentials> credentials() {
    return credentials;
  }

  /** The upstream URL when this registry runs as a pull-through proxy. */
  public Optional<URI> proxyRemote() {
    return proxyRemote;
  }

  /** Requests served so far (the registry's access log on stdout, kept across restarts). */
  public AccessLog accessLog() {
    return new AccessLog(process.stdoutLog(), baseUrl());
  }

  /** The running process (PID, log files). */
  public PeerProcess process() {
    return process;
  }

  /**
   * Stops the process but keeps port, config and storage, to test clients against a registry that
   * is down (connection refused). {@link #restart()} brings it back.
   */
  public void stop() {
    process.close();
  }

  /** True while the registry process runs. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Starts the registry again on the same port with the same storage (after {@link #stop()}). */
  public synchronized void restart() {
    process.close();
    process = RegistryLauncher.relaunch(launched);
  }

  /** Stops the registry and deletes its work directory (unless {@code -Dhm.peers.keep=true}). */
  @Override
  public void close() {
    process.close();
    WorkDirs.deleteQuietly(workDir());
  }

  @Override
  public String toString() {
    return "RegistryPeer[" + host() + proxyRemote.map(r -> " proxy of " + r).orElse("") + "]";
  }

  /** Options of a {@link RegistryPeer}; {@link #start()} launches it and waits for {@code /v2/}. */
  public static final class Builder {
    private RegistryAuth auth = new RegistryAuth.None();
    private boolean deleteEnabled = true;
    private Optional<URI> proxyRemote = Optional.empty();
    private Optional<Credentials> proxyCredentials = Optional.empty();

    private Builder() {}

    /** Basic auth with one user (bcrypt line from {@code htpasswd -Bbn user password}). */
    public Builder htpasswd(String username, String password) {
      auth = new RegistryAuth.Htpasswd(new Credentials(username, password));
      return this;
    }

    /** Bearer token auth: tokens from {@code tokenServer} (realm, service, issuer, cert). */
    public Builder tokenAuth(TokenServer tokenServer) {
      auth = new RegistryAuth.Token(tokenServer);
      return this;
    }

    /**
     * Pull-through proxy (cache) of another peer. Distribution cannot log in to a Basic-auth
     * upstream; for a token upstream use {@link #proxyOf(URI, Credentials)}.
     */
    public Builder proxyOf(RegistryPeer upstream) {
      return proxyOf(upstream.baseUrl());
    }

    /** Pull-through proxy of any registry URL (anonymous). */
    public Builder proxyOf(URI remoteUrl) {
      proxyRemote = Optional.of(remoteUrl);
      proxyCredentials = Optional.empty();
      return this;
    }

    /** Pull-through proxy logging in to the upstream (works with token-auth upstreams). */
    public Builder proxyOf(URI remoteUrl, Credentials upstreamCredentials) {
      proxyRemote = Optional.of(remoteUrl);
      proxyCredentials = Optional.of(upstreamCredentials);
      return this;
    }

    /** Whether {@code DELETE} of manifests and blobs is allowed (default {@code true}). */
    public Builder deleteEnabled(boolean enabled) {
      deleteEnabled = enabled;
      return this;
    }

    /**
     * Starts the registry on a free port and waits until {@code GET /v2/} answers (200 or 401).
     *
     * @throws dev.harbormaster.testkit.process.PeerStartException with the log tail on failure
     */
    public RegistryPeer start() {
      RegistryLauncher.Launched launched =
          RegistryLauncher.launch(
              new RegistryConfig.Template(deleteEnabled, auth, proxyRemote, proxyCredentials));
      return new RegistryPeer(
          launched,
          auth instanceof RegistryAuth.Htpasswd(Credentials user)
              ? Optional.of(user)
              : Optional.empty(),
          proxyRemote);
    }
  }
}
