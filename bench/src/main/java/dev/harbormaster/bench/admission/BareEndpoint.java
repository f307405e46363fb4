package dev.harbormaster.bench.admission;

import dev.harbormaster.host.tls.TlsServerContext;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The ceiling: Javalin on Jetty with the host's TLS context class and connector setup, whose {@code
 * POST /mutate} reads the request body and answers with fixed bytes (the host's own answer to the
 * benchmark review, captured once). Everything the host does beyond this is admission work.
 */
final class BareEndpoint implements AutoCloseable {
  private final Javalin app;
  private final TlsServerContext tls;

  private BareEndpoint(Javalin app, TlsServerContext tls) {
    this.app = app;
    this.tls = tls;
  }

  /**
   * Starts on a free loopback port, serving {@code response} on {@code POST /mutate}.
   *
   * @param virtualThreads run requests on virtual threads (as the host does) or on Jetty's platform
   *     thread pool (Javalin's default); the benchmark measures both and takes the faster as the
   *     ceiling
   */
  static BareEndpoint start(Path certFile, Path keyFile, byte[] response, boolean virtualThreads) {
    TlsServerContext tls = TlsServerContext.open(certFile, keyFile, Optional.empty());
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.concurrency.useVirtualThreads = virtualThreads;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.addConnector(
                  (server, http) -> {
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
                    ServerConnector connector =
                        new ServerConnector(
                            server,
                            new SslConnectionFactory(tls.sslContextFactory(), "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost("127.0.0.1");
                    connector.setPort(0);
                    return connector;
                  });
              config.routes.post(
                  "/mutate",
                  ctx -> {
                    ctx.bodyAsBytes();
                    ctx.contentType("application/json").result(response);
                  });
            });
    app.start();
    return new BareEndpoint(app, tls);
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    tls.close();
  }
}
