package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.auth.CredentialFiles;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryClientBuilder;
import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.config.SourceRegistryConfig;
import dev.harbormaster.plugin.mirrorsync.config.TargetConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registry clients of an instance: one per source registry (its own credentials, CA and plain
 * HTTP setting from {@code registries}) and one for the target. A loopback registry is reachable
 * only when it is named exactly (the client refuses loopback otherwise). Credentials files are read
 * once, at start-up.
 */
final class RegistryClients implements Function<String, RegistryClient> {
  private final MirrorSyncConfig config;
  private final Path configDir;
  private final String userAgent;
  private final Map<String, RegistryClient> sources = new ConcurrentHashMap<>();
  private final RegistryClient target;

  /**
   * @throws IllegalArgumentException naming the file that cannot be read
   */
  RegistryClients(MirrorSyncConfig config, Path configDir, String instance) {
    this.config = config;
    this.configDir = configDir;
    this.userAgent = "harbormaster-mirror-sync/" + instance;
    TargetConfig t = config.target();
    this.target = build(t.registry(), t.credentials(), t.caFile(), t.insecure(), "target");
    for (SourceRegistryConfig r : config.registries()) {
      sources.put(r.registry(), forSource(r.registry())); // read credentials now, fail early
    }
  }

  /** The target's client. */
  RegistryClient target() {
    return target;
  }

  /** The client of source {@code registry}. */
  @Override
  public RegistryClient apply(String registry) {
    return sources.computeIfAbsent(registry, this::forSource);
  }

  private RegistryClient forSource(String registry) {
    Optional<SourceRegistryConfig> r = config.registry(registry);
    return build(
        registry,
        r.flatMap(SourceRegistryConfig::credentials),
        r.flatMap(SourceRegistryConfig::caFile),
        r.map(SourceRegistryConfig::insecure).orElse(false),
        "registries[" + registry + "]");
  }

  private RegistryClient build(
      String registry,
      Optional<CredentialFiles> credentials,
      Optional<String> caFile,
      boolean insecure,
      String field) {
    RegistryClientBuilder b =
        RegistryClient.builder()
            .timeouts(config.sync().requestTimeout(), config.sync().requestTimeout())
            .maxConcurrentRequestsPerRegistry(
                Math.max(8, config.sync().headConcurrency() + config.sync().blobParallelism()))
            .userAgent(userAgent);
    if (ImageReference.parse(registry + "/probe").isLoopback()) {
      b.allowHosts(registry); // named exactly: loopback allowed for this one registry
    }
    if (insecure) {
      b.insecureHosts(registry);
    }
    caFile.ifPresent(f -> b.caBundle(configDir.resolve(f)));
    credentials.ifPresent(
        c -> b.credentials(c.keyring(registry, configDir, field + ".credentials")));
    return b.build();
  }
}
