package dev.harbormaster.host.http;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.observability.HostMetrics;
import dev.harbormaster.host.pipeline.AdmissionPipeline;
import dev.harbormaster.host.plugins.PluginRuntime;
import dev.harbormaster.spi.Scope;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook server: Javalin 7 on Jetty 12 with {@code POST /mutate}, {@code POST /validate},
 * {@code GET /healthz}, {@code /readyz}, {@code /metrics}, {@code /plugins} and {@code
 * /plugins/{instance}/status}. Every error answer has a JSON body; no exception escapes as a bare
 * 500.
 */
public final class AdmissionServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionServer.class);

  private final Javalin app;
  private final Readiness readiness;
  private final GracefulHandler requests;
  private final ConnectorFactory connectors;

  private AdmissionServer(
      Javalin app, Readiness readiness, GracefulHandler requests, ConnectorFactory connectors) {
    this.app = app;
    this.readiness = readiness;
    this.requests = requests;
    this.connectors = connectors;
  }

  /**
   * Starts listening as the config says and marks the host ready.
   *
   * @param loaded the config (server block)
   * @param pipeline the pipeline serving /mutate and /validate
   * @param runtime the started instances (for /plugins)
   * @param prometheus the registry scraped on /metrics
   */
  public static AdmissionServer start(
      LoadedConfig loaded,
      AdmissionPipeline pipeline,
      PluginRuntime runtime,
      PrometheusMeterRegistry prometheus) {
    ConnectorFactory connectors = new ConnectorFactory(loaded);
    connectors.prepare();
    Readiness readiness = new Readiness();
    boolean clientCerts = loaded.config().server().tls().flatMap(t -> t.clientCaFile()).isPresent();
    // Counts requests until their response is completely written (not just until the handler
    // returns: a shutdown that waited only for handlers closed connections under answers that
    // were still being sent).
    GracefulHandler requests = new GracefulHandler();
    HostMetrics metrics = new HostMetrics(prometheus);
    OperationsEndpoints ops = new OperationsEndpoints(readiness, prometheus, runtime);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = ReviewHandler.MAX_BODY;
              // Requests run on virtual threads. Each instance call is handed to a virtual thread
              // of its own (so that a late handler can be abandoned); with platform request
              // threads that handoff parks and wakes OS threads and made Jetty's I/O strategy
              // switch threads on every request: 379 vs 242 us of server CPU per /mutate review
              // (bench/run-admission.sh's review and instance, same machine and run).
              config.concurrency.useVirtualThreads = true;
              config.http.prefer405over404 = true;
              config.jetty.addConnector(connectors::create);
              config.jetty.modifyServer(server -> server.setHandler(requests));
              config.routes.post(
                  "/mutate", new ReviewHandler(Scope.MUTATING, pipeline, metrics, clientCerts));
              config.routes.post(
                  "/validate", new ReviewHandler(Scope.VALIDATING, pipeline, metrics, clientCerts));
              config.routes.get("/healthz", ops::healthz);
              config.routes.get("/readyz", ops::readyz);
              config.routes.get("/metrics", ops::metrics);
              config.routes.get("/plugins", ops::plugins);
              config.routes.get("/plugins/{instance}/status", ops::status);
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> ErrorBodies.write(ctx, e.getStatus(), e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
                    ErrorBodies.write(ctx, 500, "internal error: " + e);
                  });
              config.router.javaLangErrorHandler(AdmissionServer::onError);
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      connectors.close();
      throw e;
    }
    connectors.startWatching();
    readiness.set(true);
    return new AdmissionServer(app, readiness, requests, connectors);
  }

  private static void onError(jakarta.servlet.http.HttpServletResponse response, Error error) {
    LOG.error("fatal error while serving a request", error);
    try {
      if (!response.isCommitted()) {
        response.reset();
        response.setStatus(500);
        response.setContentType("application/json");
        response
            .getOutputStream()
            .write(
                ("{\"code\":500,\"error\":\"internal error: "
                        + error.getClass().getSimpleName()
                        + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not write error response", e);
    }
  }

  /**
   * Validates the TLS files of {@code loaded} without serving (for {@code harbormaster check}).
   *
   * @throws dev.harbormaster.host.tls.TlsMaterialException naming the file and the problem
   */
  public static void checkTls(LoadedConfig loaded) {
    loaded
        .config()
        .server()
        .tls()
        .map(t -> ConnectorFactory.open(loaded, t))
        .ifPresent(c -> c.close());
  }

  /** The port listened on (useful with {@code port: 0}). */
  public int port() {
    return app.port();
  }

  /** {@code http://address:port} or {@code https://...}. */
  public String baseUrl(String address) {
    return connectors.scheme() + "://" + address + ":" + port();
  }

  /**
   * First step of a graceful shutdown: {@code /readyz} fails at once while reviews are still served
   * for {@code delay}, so that Kubernetes removes the pod from the Service's endpoints before the
   * port closes (requests routed meanwhile would otherwise be refused).
   */
  public void unready(Duration delay) {
    readiness.set(false);
    if (delay.isPositive()) {
      LOG.info("not ready; still serving for {} before closing the port", delay);
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Graceful shutdown: not ready, stop accepting connections, wait up to {@code grace} for reviews
   * in flight, then stop the server.
   */
  public void shutdown(Duration grace) {
    readiness.set(false);
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        network.close();
      }
    }
    try {
      if (!awaitDrained(grace)) {
        LOG.warn(
            "{} requests still in flight after {}; stopping anyway",
            requests.getCurrentRequestCount(),
            grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
    connectors.close();
  }

  /** Waits until no request is in flight or {@code limit} has passed; true when drained. */
  private boolean awaitDrained(Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (requests.getCurrentRequestCount() > 0) {
      if (System.nanoTime() - until > 0) return false;
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5));
  }
}
