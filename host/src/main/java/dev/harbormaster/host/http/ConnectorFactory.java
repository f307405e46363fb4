package dev.harbormaster.host.http;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.config.ServerConfig;
import dev.harbormaster.host.config.TlsConfig;
import dev.harbormaster.host.tls.TlsServerContext;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * Builds the one Jetty connector the host listens on: plain HTTP only when the config says {@code
 * plainHttp: true}, otherwise HTTPS from the configured PEM files through {@link TlsServerContext}
 * (reloaded when the files change). The connector is put on Jetty directly (Javalin's SSL plugin is
 * not used).
 */
final class ConnectorFactory implements AutoCloseable {
  private final LoadedConfig loaded;
  private Optional<TlsServerContext> tls = Optional.empty();

  ConnectorFactory(LoadedConfig loaded) {
    this.loaded = loaded;
  }

  /**
   * Loads and validates the TLS files (before the server starts); a no-op for plain HTTP.
   *
   * @throws dev.harbormaster.host.tls.TlsMaterialException naming the file and the problem
   */
  void prepare() {
    tls = loaded.config().server().tls().map(t -> open(loaded, t));
  }

  /** Opens the TLS context for {@code config}'s files (resolved against the config directory). */
  static TlsServerContext open(LoadedConfig loaded, TlsConfig config) {
    return TlsServerContext.open(
        loaded.resolve(config.certFile()),
        loaded.resolve(config.keyFile()),
        config.clientCaFile().map(loaded::resolve));
  }

  Connector create(Server server, HttpConfiguration http) {
    ServerConfig config = loaded.config().server();
    ServerConnector connector;
    if (tls.isPresent()) {
      HttpConfiguration https = new HttpConfiguration(http);
      // No SNI host check: the API server and tests may connect by IP or service name.
      https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
      connector =
          new ServerConnector(
              server,
              new SslConnectionFactory(tls.get().sslContextFactory(), "http/1.1"),
              new HttpConnectionFactory(https));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(config.address());
    connector.setPort(config.port());
    return connector;
  }

  /** Starts reloading the TLS files on change (after the server started). */
  void startWatching() {
    tls.ifPresent(TlsServerContext::startWatching);
  }

  /** The scheme served. */
  String scheme() {
    return loaded.config().server().plainHttp() ? "http" : "https";
  }

  @Override
  public void close() {
    tls.ifPresent(TlsServerContext::close);
  }
}
