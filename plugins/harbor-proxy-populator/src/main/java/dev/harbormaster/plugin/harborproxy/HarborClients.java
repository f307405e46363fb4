package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryClientBuilder;
import dev.harbormaster.oci.transport.Backoff;
import dev.harbormaster.plugin.harborproxy.config.HarborConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the registry client of an instance: allowed to reach Harbor's host only (a loopback Harbor
 * is allowed because it is named exactly), plain HTTP only when configured, credentials read once
 * from files, quick per-request retries honouring {@code Retry-After} up to {@code maxRetryAfter};
 * longer-term retries are the queue's.
 */
final class HarborClients {
  private HarborClients() {}

  /**
   * The client.
   *
   * @throws IllegalArgumentException naming the file that cannot be read
   */
  static RegistryClient create(HarborConfig harbor, Path configDir, String instance) {
    String host = harbor.host();
    RegistryClientBuilder b =
        RegistryClient.builder()
            .allowHosts(host)
            .timeouts(harbor.requestTimeout(), harbor.requestTimeout())
            .retries(
                new Backoff(
                    harbor.requestAttempts(), Duration.ofMillis(250), Duration.ofSeconds(5)))
            .maxRetryAfter(harbor.maxRetryAfter())
            .userAgent("harbormaster-harbor-proxy-populator/" + instance);
    if (harbor.isPlainHttp()) {
      b.insecureHosts(host);
    }
    harbor.caFile().ifPresent(f -> b.caBundle(configDir.resolve(f)));
    harbor
        .credentials()
        .ifPresent(c -> b.credentials(c.keyring(host, configDir, "harbor.credentials")));
    return b.build();
  }
}
