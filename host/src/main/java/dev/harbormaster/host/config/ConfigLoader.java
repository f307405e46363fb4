package dev.harbormaster.host.config;

import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the host's YAML config strictly: YAML syntax, unknown fields, wrong types, invalid values,
 * duplicate instance names and unreadable {@code configFile}s all fail with the file, the instance
 * and the JSON path of the problem. Plugin-specific checks (plugin ids, plugin config records) are
 * done when plugins are loaded.
 */
public final class ConfigLoader {
  /** Name of the classpath resource holding the embedded default config. */
  public static final String EMBEDDED = "dev/harbormaster/host/config/default.yaml";

  private static final Pattern INSTANCE_PATH = Pattern.compile("^instances\\[(\\d+)]");
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /**
   * Loads a config file.
   *
   * @throws InvalidConfigException listing every problem found
   */
  public static LoadedConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String source = file.toString();
    if (!Files.isRegularFile(absolute)) {
      throw single(source, "$", "config file not found or not a regular file: " + absolute);
    }
    try (InputStream in = Files.newInputStream(absolute)) {
      return parse(source, absolute.getParent(), in);
    } catch (IOException e) {
      throw single(source, "$", "cannot read config file: " + e.getMessage());
    }
  }

  /** Loads the embedded default config (plain HTTP on 127.0.0.1:8080, one deny-latest instance). */
  public static LoadedConfig loadEmbedded() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw single("embedded:default.yaml", "$", "resource missing from the host jar");
      }
      return parse("embedded:default.yaml", Path.of("").toAbsolutePath(), in);
    } catch (IOException e) {
      throw single("embedded:default.yaml", "$", e.getMessage());
    }
  }

  /** Parses config text read from {@code source}; relative paths resolve against {@code dir}. */
  public static LoadedConfig parse(String source, Path dir, InputStream in) {
    JsonNode tree = readYaml(source, in);
    HostConfig config;
    try {
      config = ConfigBinder.bind(tree, HostConfig.class);
    } catch (ConfigBindingException e) {
      throw new InvalidConfigException(
          List.of(
              new ConfigError(
                  source, instanceAt(tree, e.path()), e.path(), stripPath(e.getMessage()))));
    }
    List<ConfigError> errors = new ArrayList<>();
    List<InstanceConfig> instances = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, Path> configFiles = new HashMap<>();
    for (int i = 0; i < config.instances().size(); i++) {
      InstanceConfig instance = config.instances().get(i);
      String path = "instances[" + i + "]";
      if (!names.add(instance.name())) {
        errors.add(
            new ConfigError(
                source,
                Optional.of(instance.name()),
                path + ".name",
                "duplicate instance name '" + instance.name() + "'; names must be unique"));
      }
      instance
          .configFile()
          .ifPresent(f -> configFiles.put(instance.name(), dir.resolve(f).normalize()));
      instances.add(inlineConfigFile(source, dir, path, instance, errors));
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return new LoadedConfig(
        source, dir, new HostConfig(config.server(), config.plugins(), instances), configFiles);
  }

  private static InstanceConfig inlineConfigFile(
      String source, Path dir, String path, InstanceConfig instance, List<ConfigError> errors) {
    if (instance.configFile().isEmpty()) {
      return instance;
    }
    Path file = dir.resolve(instance.configFile().get()).normalize();
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode tree = readYaml(file.toString(), in);
      return instance.withConfig(tree);
    } catch (IOException e) {
      errors.add(
          new ConfigError(
              source,
              Optional.of(instance.name()),
              path + ".configFile",
              "cannot read '" + file + "': " + e));
    } catch (InvalidConfigException e) {
      errors.addAll(e.errors());
    }
    return instance;
  }

  private static JsonNode readYaml(String source, InputStream in) {
    try {
      JsonNode tree = YAML.readTree(in);
      return tree == null || tree.isMissingNode() ? YAML.createObjectNode() : tree;
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? "$"
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw single(source, where, "not valid YAML: " + e.getOriginalMessage());
    }
  }

  /** The name of the instance a path such as {@code instances[2].timeout} points into. */
  private static Optional<String> instanceAt(JsonNode tree, String path) {
    Matcher m = INSTANCE_PATH.matcher(path);
    if (!m.find()) {
      return Optional.empty();
    }
    JsonNode name = tree.path("instances").path(Integer.parseInt(m.group(1))).path("name");
    return name.isString() ? Optional.of(name.stringValue()) : Optional.empty();
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  private static InvalidConfigException single(String source, String path, String message) {
    return new InvalidConfigException(
        List.of(new ConfigError(source, Optional.empty(), path, message)));
  }
}
