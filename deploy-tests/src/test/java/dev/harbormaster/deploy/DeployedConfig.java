package dev.harbormaster.deploy;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.testkit.pki.TlsFiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The host config that deploy/ ships in the ConfigMap {@code harbormaster-config} (key {@code
 * config.yaml}), and a copy of it that runs on this machine: the same file with only the paths that
 * exist in the container replaced (TLS files, the plugin directory) and optionally the port.
 *
 * @param yaml the config file exactly as the ConfigMap holds it
 */
record DeployedConfig(String yaml) {
  /** The ConfigMap's name. */
  static final String CONFIG_MAP = "harbormaster-config";

  /** The key of the config file in the ConfigMap. */
  static final String KEY = "config.yaml";

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** The config of a rendered overlay. */
  static DeployedConfig of(Rendered rendered) {
    ConfigMap cm = rendered.one(ConfigMap.class, CONFIG_MAP);
    String yaml = cm.getData() == null ? null : cm.getData().get(KEY);
    if (yaml == null) {
      throw new AssertionError("ConfigMap " + CONFIG_MAP + " has no key " + KEY);
    }
    return new DeployedConfig(yaml);
  }

  /** The config as the host loads it, read from the ConfigMap text as it is. */
  LoadedConfig load(Path dir) {
    return ConfigLoader.load(write(dir.resolve("as-deployed.yaml"), yaml));
  }

  /**
   * Writes the config for this machine into {@code dir}: TLS from {@code tls}, plugins from {@code
   * plugins}, and port {@code 0} (any free port) when {@code anyPort}; everything else unchanged.
   */
  Path writeLocal(Path dir, TlsFiles tls, Path plugins, boolean anyPort) {
    ObjectNode root = (ObjectNode) YAML.readTree(yaml);
    ObjectNode server = (ObjectNode) root.required("server");
    ObjectNode tlsNode = (ObjectNode) server.required("tls");
    tlsNode.put("certFile", tls.certFile().toString());
    tlsNode.put("keyFile", tls.keyFile().toString());
    if (anyPort) {
      server.put("port", 0);
      server.put("address", "127.0.0.1");
    }
    ((ObjectNode) root.required("plugins")).put("dir", plugins.toString());
    return write(dir.resolve("config.yaml"), YAML.writeValueAsString(root));
  }

  /**
   * Writes the config to {@code file} with every file path in it (TLS files, the plugin directory)
   * passed through {@code relocate}, listening on any free loopback port; everything else
   * unchanged. For running the config where the container's filesystem is a local directory.
   */
  Path writeRelocated(Path file, UnaryOperator<String> relocate) {
    ObjectNode root = (ObjectNode) YAML.readTree(yaml);
    ObjectNode server = (ObjectNode) root.required("server");
    ObjectNode tlsNode = (ObjectNode) server.required("tls");
    for (String key : List.of("certFile", "keyFile", "clientCaFile")) {
      if (tlsNode.has(key)) {
        tlsNode.put(key, relocate.apply(tlsNode.required(key).asString()));
      }
    }
    server.put("port", 0);
    server.put("address", "127.0.0.1");
    ObjectNode plugins = (ObjectNode) root.required("plugins");
    plugins.put("dir", relocate.apply(plugins.required("dir").asString()));
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return write(file, YAML.writeValueAsString(root));
  }

  /**
   * The distribution's plugin directory built by this reactor (system property {@code
   * deploy.plugins}).
   *
   * @throws AssertionError when it does not exist (build dist first)
   */
  static Path pluginDirectory() {
    Path dir = Path.of(System.getProperty("deploy.plugins", "../dist/target/harbormaster/plugins"));
    if (!Files.isDirectory(dir)) {
      throw new AssertionError(
          "plugin directory "
              + dir.toAbsolutePath()
              + " does not exist: package dist first (./mvnw package -pl dist) or set"
              + " -Ddeploy.plugins");
    }
    return dir.toAbsolutePath().normalize();
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
