package dev.harbormaster.host.http;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.config.ServerConfig;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Builds the one Jetty connector the host listens on: plain HTTP when the config says {@code
 * plainHttp: true}, otherwise HTTPS from the configured PEM files (TLS lives in {@code
 * dev.harbormaster.host.tls}).
 */
final class ConnectorFactory implements AutoCloseable {
  private final LoadedConfig loaded;

  ConnectorFactory(LoadedConfig loaded) {
    this.loaded = loaded;
  }

  /** Validates the TLS files early (before plugins start); a no-op for plain HTTP. */
  void prepare() {
    ServerConfig server = loaded.config().server();
    if (!server.plainHttp()) {
      throw new IllegalStateException(
          loaded.source() + ": server.tls is configured, but this build has no TLS support yet");
    }
  }

  Connector create(Server server, HttpConfiguration http) {
    ServerConfig config = loaded.config().server();
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.address());
    connector.setPort(config.port());
    return connector;
  }

  /** The scheme served. */
  String scheme() {
    return loaded.config().server().plainHttp() ? "http" : "https";
  }

  Optional<String> describeTls() {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
