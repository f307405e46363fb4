package dev.harbormaster.host.plugins;

import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.PluginCommand;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plugins available to instances, by plugin id. Built by {@link PluginJarLoader} from a
 * directory of PF4J jars, or directly from objects (tests, embedding).
 */
public final class PluginCatalog implements AutoCloseable {
  private final Map<String, AdmissionPlugin<?>> plugins;
  private final Map<String, PluginCommand<?>> commands;
  private final Runnable onClose;

  private PluginCatalog(
      Map<String, AdmissionPlugin<?>> plugins,
      Map<String, PluginCommand<?>> commands,
      Runnable onClose) {
    this.plugins = new TreeMap<>(plugins);
    this.commands = new TreeMap<>(commands);
    this.onClose = onClose;
  }

  /** A catalog of in-process plugins (no class loading). */
  public static PluginCatalog of(Map<String, AdmissionPlugin<?>> plugins) {
    return new PluginCatalog(plugins, Map.of(), () -> {});
  }

  /**
   * A catalog of in-process plugins, some of which contribute a command.
   *
   * @param commands plugin id to the command that plugin contributes
   */
  public static PluginCatalog of(
      Map<String, AdmissionPlugin<?>> plugins, Map<String, PluginCommand<?>> commands) {
    return new PluginCatalog(plugins, commands, () -> {});
  }

  /** A catalog whose {@link #close} also runs {@code onClose} (unloading the jars). */
  static PluginCatalog of(
      Map<String, AdmissionPlugin<?>> plugins,
      Map<String, PluginCommand<?>> commands,
      Runnable onClose) {
    return new PluginCatalog(plugins, commands, onClose);
  }

  /** The commands plugins contribute, by plugin id. */
  public Map<String, PluginCommand<?>> commandsByPlugin() {
    return java.util.Collections.unmodifiableMap(commands);
  }

  /** The plugin with this id. */
  public Optional<AdmissionPlugin<?>> find(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId));
  }

  /** The ids available, sorted. */
  public SortedSet<String> ids() {
    return new TreeSet<>(plugins.keySet());
  }

  /** Unloads the plugins' jars (after every instance has stopped). */
  @Override
  public void close() {
    onClose.run();
  }
}
