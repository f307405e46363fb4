package dev.harbormaster.host.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code server} block.
 *
 * @param port listen port (default 8443; 0 picks a free port)
 * @param address listen address (default {@code 0.0.0.0})
 * @param plainHttp serve plain HTTP; must be set explicitly, otherwise {@code tls} is required
 * @param tls PEM files for HTTPS
 * @param logFormat {@code text} (default) or {@code json}
 * @param shutdownGrace how long shutdown waits for reviews in flight and for plugins to stop
 * @param shutdownDelay how long the host keeps serving after a stop signal while {@code /readyz}
 *     already fails (default 0s), so that Kubernetes takes the pod out of the Service's endpoints
 *     before the port closes; the pod's {@code terminationGracePeriodSeconds} must cover it plus
 *     {@code shutdownGrace}
 */
public record ServerConfig(
    Integer port,
    String address,
    boolean plainHttp,
    Optional<TlsConfig> tls,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) LogFormat logFormat,
    Duration shutdownGrace,
    Duration shutdownDelay) {

  /** Fills defaults and checks that exactly one of TLS and plain HTTP is chosen. */
  public ServerConfig {
    port = port == null ? 8443 : port;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("server.port must be 0..65535, got " + port);
    }
    address = address == null || address.isBlank() ? "0.0.0.0" : address.strip();
    tls = tls == null ? Optional.empty() : tls;
    logFormat = logFormat == null ? LogFormat.TEXT : logFormat;
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(20) : shutdownGrace;
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("server.shutdownGrace must not be negative");
    }
    shutdownDelay = shutdownDelay == null ? Duration.ZERO : shutdownDelay;
    if (shutdownDelay.isNegative()) {
      throw new IllegalArgumentException(
          "server.shutdownDelay must not be negative, got " + shutdownDelay);
    }
    if (plainHttp && tls.isPresent()) {
      throw new IllegalArgumentException(
          "server.plainHttp: true and server.tls are both set; choose one");
    }
    if (!plainHttp && tls.isEmpty()) {
      throw new IllegalArgumentException(
          "server.tls (certFile, keyFile) is required; set server.plainHttp: true to serve plain"
              + " HTTP explicitly");
    }
  }

  /** Log output format. */
  public enum LogFormat {
    /** One human-readable line per event. */
    TEXT,
    /**
     * One flat JSON object per event: time, level, logger, thread, message, each key-value pair as
     * its own field, exception.
     */
    JSON
  }
}
