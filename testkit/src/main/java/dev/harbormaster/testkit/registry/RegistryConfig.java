package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.PeerBinaries;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the docker-registry (distribution 2.8) configuration file for one {@link RegistryPeer},
 * following {@code notes/test-peers.md} and <a
 * href="https://distribution.github.io/distribution/about/configuration/">the configuration
 * reference</a>. The file is JSON, which the registry's YAML parser accepts, so paths need no
 * quoting rules.
 */
record RegistryConfig(
    int port,
    Path storage,
    boolean deleteEnabled,
    RegistryAuth auth,
    Optional<URI> proxyRemote,
    Optional<Credentials> proxyCredentials) {

  /** Everything but the port and storage path, which are chosen at launch. */
  record Template(
      boolean deleteEnabled,
      RegistryAuth auth,
      Optional<URI> proxyRemote,
      Optional<Credentials> proxyCredentials) {

    RegistryConfig at(int port, Path storage) {
      return new RegistryConfig(port, storage, deleteEnabled, auth, proxyRemote, proxyCredentials);
    }
  }

  /** Auth modes of the registry. */
  sealed interface RegistryAuth {
    /** Anyone may pull and push. */
    record None() implements RegistryAuth {}

    /** Basic auth against an htpasswd file holding one bcrypt user. */
    record Htpasswd(Credentials user) implements RegistryAuth {}

    /** Bearer tokens minted by a {@link TokenServer}. */
    record Token(TokenServer server) implements RegistryAuth {}
  }

  /** Writes the config (and htpasswd / root cert files) into {@code dir}; returns the config. */
  Path write(Path dir) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "0.1");
    root.put("log", Map.of("level", "info", "accesslog", Map.of("disabled", false)));
    Map<String, Object> storageMap = new LinkedHashMap<>();
    storageMap.put("filesystem", Map.of("rootdirectory", storage.toString()));
    storageMap.put("delete", Map.of("enabled", deleteEnabled));
    root.put("storage", storageMap);
    root.put("http", Map.of("addr", "127.0.0.1:" + port, "secret", UUID.randomUUID().toString()));
    switch (auth) {
      case RegistryAuth.None none -> {}
      case RegistryAuth.Htpasswd(Credentials user) -> {
        Path htpasswd = dir.resolve("htpasswd");
        String line =
            Command.of(
                    PeerBinaries.require("htpasswd", "apache2-utils").toString(),
                    "-Bbn",
                    user.username(),
                    user.password())
                .run()
                .orThrow()
                .stdoutText();
        Files.writeString(htpasswd, line.strip() + "\n", StandardCharsets.UTF_8);
        root.put("auth", Map.of("htpasswd", Map.of("realm", "test", "path", htpasswd.toString())));
      }
      case RegistryAuth.Token(TokenServer server) -> {
        Path bundle = dir.resolve("token.crt");
        Files.writeString(bundle, server.certificatePem(), StandardCharsets.US_ASCII);
        root.put(
            "auth",
            Map.of(
                "token",
                Map.of(
                    "realm", server.realm().toString(),
                    "service", server.service(),
                    "issuer", server.issuer(),
                    "rootcertbundle", bundle.toString())));
      }
    }
    proxyRemote.ifPresent(
        remote -> {
          Map<String, Object> proxy = new LinkedHashMap<>();
          proxy.put("remoteurl", remote.toString());
          proxyCredentials.ifPresent(
              c -> {
                proxy.put("username", c.username());
                proxy.put("password", c.password());
              });
          root.put("proxy", proxy);
        });
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config, JsonMapper.builder().build().writeValueAsString(root), StandardCharsets.UTF_8);
    return config;
  }
}
