package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.oci.auth.Credential;
import dev.harbormaster.oci.auth.InvalidCredentialsException;
import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.auth.PullSecretKeyring;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryClientBuilder;
import dev.harbormaster.oci.transport.Backoff;
import dev.harbormaster.plugin.harborproxy.config.CredentialsConfig;
import dev.harbormaster.plugin.harborproxy.config.HarborConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    harbor.credentials().ifPresent(c -> b.credentials(keyring(c, host, configDir)));
    return b.build();
  }

  static Keyring keyring(CredentialsConfig c, String host, Path configDir) {
    if (c.dockerConfigFile().isPresent()) {
      Path file = configDir.resolve(c.dockerConfigFile().get());
      String field = "harbor.credentials.dockerConfigFile";
      try {
        return PullSecretKeyring.builder()
            .addDockerConfigJson(read(file, field), file.toString())
            .build();
      } catch (InvalidCredentialsException e) {
        throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
      }
    }
    String user =
        text(configDir.resolve(c.usernameFile().orElseThrow()), "harbor.credentials.usernameFile");
    String password =
        text(configDir.resolve(c.passwordFile().orElseThrow()), "harbor.credentials.passwordFile");
    return Keyring.single(host, new Credential(user, password));
  }

  private static String text(Path file, String field) {
    String value = new String(read(file, field), StandardCharsets.UTF_8).strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + ": file " + file + " is empty");
    }
    return value;
  }

  private static byte[] read(Path file, String field) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(field + ": cannot read " + file + ": " + e, e);
    }
  }
}
