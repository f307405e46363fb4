package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.FreePorts;
import dev.harbormaster.testkit.process.PeerBinaries;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.PeerStartException;
import dev.harbormaster.testkit.process.ReadinessCheck;
import dev.harbormaster.testkit.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for a Harbor instance with proxy-cache projects: nginx on a free 127.0.0.1 port that
 * serves {@code /v2/<project>/<repo>/...} from the pull-through-proxy {@link RegistryPeer} of that
 * project by rewriting the path to {@code /v2/<repo>/...} (see {@code
 * notes/harbor-proxy-cache.md}). {@code GET /v2/} goes to the first project's registry.
 *
 * <pre>{@code
 * try (RegistryPeer upstream = RegistryPeer.startPlain();
 *     HarborFront harbor = HarborFront.builder().proxyProject("dockerhub", upstream).start()) {
 *   // image pushed to upstream as app:v1 is served as
 *   URI manifest = harbor.baseUrl().resolve("/v2/dockerhub/app/manifests/v1");
 *   RegistryPeer cache = harbor.proxyRegistry("dockerhub");   // inspect its storage
 *   harbor.accessLog().count("GET", "/v2/dockerhub/app/manifests/.*");
 * }
 * }</pre>
 *
 * <p>Unlike Harbor, distribution caches a blob even on {@code HEAD}: tests that check warming
 * should look at {@link RegistryPeer#storesBlob} of the proxy or at the upstream's access log.
 */
public final class HarborFront implements AutoCloseable {

  private final int port;
  private final Path workDir;
  private final PeerProcess nginx;
  private final Map<String, RegistryPeer> projects;
  private final List<RegistryPeer> owned;
  private final Optional<Credentials> credentials;

  private HarborFront(
      int port,
      Path workDir,
      PeerProcess nginx,
      Map<String, RegistryPeer> projects,
      List<RegistryPeer> owned,
      Optional<Credentials> credentials) {
    this.port = port;
    this.workDir = workDir;
    this.nginx = nginx;
    this.projects = projects;
    this.owned = owned;
    this.credentials = credentials;
  }

  /** A builder; add at least one project. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:PORT}, the registry part of Harbor image references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUrl() {
    return URI.create("http://" + host());
  }

  /** {@code 127.0.0.1:PORT/<project>/<repoAndTag>}. */
  public String imageRef(String project, String repoAndTagOrDigest) {
    return host() + "/" + project + "/" + repoAndTagOrDigest;
  }

  /** The user nginx requires (HTTP Basic, like a Harbor robot account), if configured. */
  public Optional<Credentials> credentials() {
    return credentials;
  }

  /** The registry serving {@code project}. */
  public RegistryPeer proxyRegistry(String project) {
    RegistryPeer peer = projects.get(project);
    if (peer == null) {
      throw new IllegalArgumentException(
          "unknown project '" + project + "'; configured: " + projects.keySet());
    }
    return peer;
  }

  /** Project names in configuration order. */
  public List<String> projects() {
    return List.copyOf(projects.keySet());
  }

  /** nginx's access log (original {@code /v2/<project>/...} paths). */
  public AccessLog accessLog() {
    return new AccessLog(workDir.resolve("access.log"), baseUrl());
  }

  /** The nginx process. */
  public PeerProcess process() {
    return nginx;
  }

  /** Stops nginx and the proxy registries this front started itself. */
  @Override
  public void close() {
    nginx.close();
    owned.forEach(RegistryPeer::close);
    WorkDirs.deleteQuietly(workDir);
  }

  /** Projects of a {@link HarborFront}. */
  public static final class Builder {
    private final Map<String, RegistryPeer> projects = new LinkedHashMap<>();
    private final Map<String, RegistryPeer> upstreams = new LinkedHashMap<>();
    private Optional<Credentials> credentials = Optional.empty();
    private boolean redirectToLibrary;

    private Builder() {}

    /**
     * Answers requests for single-segment names ({@code /v2/<project>/nginx/manifests/x}) with a
     * 301 to {@code /v2/<project>/library/nginx/...}, as Harbor 2.7+ does for Docker Hub proxy
     * projects (see {@code notes/harbor-proxy-cache.md}).
     */
    public Builder redirectSingleSegmentNamesToLibrary() {
      redirectToLibrary = true;
      return this;
    }

    /**
     * Requires HTTP Basic auth for every request (nginx {@code auth_basic}, apr1 hash from {@code
     * htpasswd -nbm}), as Harbor does for robot accounts; unauthenticated requests get 401 with
     * {@code WWW-Authenticate: Basic realm="harbor"}.
     */
    public Builder basicAuth(String username, String password) {
      credentials = Optional.of(new Credentials(username, password));
      return this;
    }

    /**
     * A proxy-cache project backed by an already running registry (normally one started with {@link
     * RegistryPeer.Builder#proxyOf}); the caller closes it.
     */
    public Builder project(String name, RegistryPeer proxyRegistry) {
      checkName(name);
      projects.put(name, proxyRegistry);
      return this;
    }

    /**
     * A proxy-cache project of {@code upstream}: {@link #start()} starts a pull-through-proxy
     * registry for it, and {@link HarborFront#close()} stops it.
     */
    public Builder proxyProject(String name, RegistryPeer upstream) {
      checkName(name);
      upstreams.put(name, upstream);
      projects.put(name, upstream);
      return this;
    }

    private void checkName(String name) {
      if (!name.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*")) {
        throw new IllegalArgumentException(
            "project name must be lower-case alphanumerics with . _ - separators, got '"
                + name
                + "'");
      }
      if (projects.containsKey(name)) {
        throw new IllegalArgumentException("project '" + name + "' is configured twice");
      }
    }

    private static List<String> nginxCommand(Path binary, Path workDir) {
      return List.of(
          binary.toString(),
          "-p",
          workDir.toString(),
          "-c",
          workDir.resolve("nginx.conf").toString(),
          "-e",
          workDir.resolve("error.log").toString(),
          "-g",
          "daemon off;");
    }

    private Optional<Path> writeHtpasswd(Path workDir) throws IOException {
      if (credentials.isEmpty()) {
        return Optional.empty();
      }
      Credentials user = credentials.get();
      String line =
          Command.of(
                  PeerBinaries.require("htpasswd", "apache2-utils").toString(),
                  "-nbm",
                  user.username(),
                  user.password())
              .run()
              .orThrow()
              .stdoutText();
      Path file = workDir.resolve("htpasswd");
      Files.writeString(file, line.strip() + "\n", StandardCharsets.UTF_8);
      return Optional.of(file);
    }

    /** Starts the owned proxy registries and nginx, and waits until {@code /v2/} answers. */
    public HarborFront start() {
      if (projects.isEmpty()) {
        throw new IllegalStateException("HarborFront needs at least one project");
      }
      Path binary = PeerBinaries.require("nginx", "nginx");
      List<RegistryPeer> owned = new ArrayList<>();
      Map<String, RegistryPeer> resolved = new LinkedHashMap<>();
      Path workDir = WorkDirs.create("harbor");
      try {
        for (Map.Entry<String, RegistryPeer> e : projects.entrySet()) {
          Optional<RegistryPeer> upstream = Optional.ofNullable(upstreams.get(e.getKey()));
          RegistryPeer peer = e.getValue();
          if (upstream.isPresent()) {
            peer = RegistryPeer.builder().proxyOf(upstream.get()).start();
            owned.add(peer);
          }
          resolved.put(e.getKey(), peer);
        }
        Optional<Path> htpasswd = writeHtpasswd(workDir);
        for (int attempt = 1; ; attempt++) {
          int port = FreePorts.allocate();
          Path conf = workDir.resolve("nginx.conf");
          Files.writeString(
              conf,
              NginxConfig.render(port, workDir, resolved, htpasswd, redirectToLibrary),
              StandardCharsets.UTF_8);
          PeerProcess nginx = PeerProcess.start("nginx", workDir, nginxCommand(binary, workDir));
          try {
            nginx.awaitReady(
                ReadinessCheck.httpGet(URI.create("http://127.0.0.1:" + port + "/v2/")),
                Duration.ofSeconds(20));
            return new HarborFront(port, workDir, nginx, resolved, owned, credentials);
          } catch (PeerStartException e) {
            nginx.close();
            // another JVM may have taken the port between allocation and bind: retry on a new one
            if (attempt == 3 || !nginx.lostPortRace()) {
              throw e;
            }
          }
        }
      } catch (IOException e) {
        owned.forEach(RegistryPeer::close);
        WorkDirs.deleteQuietly(workDir);
        throw new UncheckedIOException("cannot write nginx config in " + workDir, e);
      } catch (RuntimeException e) {
        owned.forEach(RegistryPeer::close);
        WorkDirs.deleteQuietly(workDir);
        throw e;
      }
    }
  }
}
