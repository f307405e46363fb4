package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.FreePorts;
import dev.harbormaster.testkit.process.PeerBinaries;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.ReadinessCheck;
import dev.harbormaster.testkit.process.WorkDirs;
import dev.harbormaster.testkit.registry.RegistryConfig.RegistryAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final int port;
  private final Path workDir;
  private final Path storage;
  private final Optional<Credentials> credentials;
  private final Optional<URI> proxyRemote;
  private final PeerProcess process;

  private RegistryPeer(
      int port,
      Path workDir,
      Path storage,
      Optional<Credentials> credentials,
      Optional<URI> proxyRemote,
      PeerProcess process) {
    this.port = port;
    this.workDir = workDir;
    this.storage = storage;
    this.credentials = credentials;
    this.proxyRemote = proxyRemote;
    this.process = process;
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
    return "127.0.0.1:" + port;
  }

  /** The TCP port. */
  public int port() {
    return port;
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
    return storage;
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
        storage.resolve(
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
    return workDir;
  }

  /** Credentials for an htpasswd registry; empty for plain, proxy and token registries. */
  public Optional<Credentials> credentials() {
    return credentials;
  }

  /** The upstream URL when this registry runs as a pull-through proxy. */
  public Optional<URI> proxyRemote() {
    return proxyRemote;
  }

  /** Requests served so far (the registry's access log on stdout). */
  public AccessLog accessLog() {
    return new AccessLog(process.stdoutLog());
  }

  /** The running process (PID, log files). */
  public PeerProcess process() {
    return process;
  }

  /** Stops the registry and deletes its work directory (unless {@code -Dhm.peers.keep=true}). */
  @Override
  public void close() {
    process.close();
    WorkDirs.deleteQuietly(workDir);
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

    /** Starts the registry and waits until {@code GET /v2/} answers (200 or 401). */
    public RegistryPeer start() {
      Path binary = PeerBinaries.require("docker-registry", "docker-registry");
      Path workDir = WorkDirs.create("registry");
      int port = FreePorts.allocate();
      Path storage = workDir.resolve("data");
      try {
        Files.createDirectories(storage);
        Path config =
            new RegistryConfig(port, storage, deleteEnabled, auth, proxyRemote, proxyCredentials)
                .write(workDir);
        PeerProcess process =
            PeerProcess.start(
                "registry", workDir, List.of(binary.toString(), "serve", config.toString()));
        RegistryPeer peer =
            new RegistryPeer(
                port,
                workDir,
                storage,
                auth instanceof RegistryAuth.Htpasswd(Credentials user)
                    ? Optional.of(user)
                    : Optional.empty(),
                proxyRemote,
                process);
        try {
          process.awaitReady(ReadinessCheck.httpGet(peer.baseUrl().resolve("/v2/")), START_TIMEOUT);
        } catch (RuntimeException e) {
          process.close();
          throw e;
        }
        return peer;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare registry in " + workDir, e);
      }
    }
  }
}
