package dev.harbormaster.host.plugins;

import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.spi.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Loads plugin jars once, at start-up, from one directory with PF4J. A jar is refused, with a
 * message naming it, when its {@code Plugin-Requires} does not contain {@link SpiVersion#CURRENT},
 * when its sha256 differs from a configured pin, when its manifest is unusable, or when it does not
 * contribute exactly one {@link AdmissionPlugin} extension. Any refusal fails the whole load.
 *
 * @see <a href="https://pf4j.org/doc/plugins.html">PF4J plugins</a>
 */
public final class PluginJarLoader {
  private PluginJarLoader() {}

  /**
   * Loads and starts every plugin jar in {@code dir}.
   *
   * @param dir the plugin directory; a missing directory yields an empty catalog
   * @param pins plugin id to expected lowercase hex sha256 of its jar
   * @throws PluginLoadException listing every refused jar
   */
  public static PluginCatalog load(Path dir, Map<String, String> pins) {
    return load(dir, pins, id -> true);
  }

  /**
   * Loads and starts the plugin jars in {@code dir} whose {@code Plugin-Id} is {@code wanted}; the
   * others are not loaded at all (only their manifest is read). One-shot commands use this to load
   * only the plugins their config names.
   *
   * @param dir the plugin directory; a missing directory yields an empty catalog
   * @param pins plugin id to expected lowercase hex sha256 of its jar (checked for wanted ids)
   * @param wanted which plugin ids to load
   * @throws PluginLoadException listing every refused jar
   */
  public static PluginCatalog load(Path dir, Map<String, String> pins, Predicate<String> wanted) {
    if (!Files.isDirectory(dir)) {
      if (!pins.isEmpty()) {
        throw new PluginLoadException(
            List.of(
                "plugin directory "
                    + dir
                    + " does not exist, but plugins.sha256 pins "
                    + pins.keySet()));
      }
      return PluginCatalog.of(Map.of());
    }
    CheckingPluginManager manager = new CheckingPluginManager(dir, pins, wanted);
    manager.setSystemVersion(SpiVersion.CURRENT);
    try {
      manager.loadPlugins();
    } catch (PluginRuntimeException e) {
      if (manager.problems.isEmpty()) {
        manager.problems.add("cannot load plugins from " + dir + ": " + e.getMessage());
      }
    }
    List<String> problems = new ArrayList<>(manager.problems);
    Set<String> loadedIds = new HashSet<>();
    manager.getPlugins().forEach(p -> loadedIds.add(p.getPluginId()));
    pins.keySet().stream()
        .filter(wanted)
        .filter(id -> !loadedIds.contains(id))
        .forEach(
            id ->
                problems.add(
                    "plugins.sha256 pins plugin '"
                        + id
                        + "', but no jar in "
                        + dir
                        + " has that Plugin-Id"));
    if (!problems.isEmpty()) {
      shutdown(manager);
      throw new PluginLoadException(problems);
    }
    manager.startPlugins();
    Map<String, AdmissionPlugin<?>> plugins = new LinkedHashMap<>();
    Map<String, PluginCommand<?>> commands = new LinkedHashMap<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      collectExtension(manager, plugin, plugins, problems);
      collectCommand(manager, plugin, commands, problems);
    }
    if (!problems.isEmpty()) {
      shutdown(manager);
      throw new PluginLoadException(problems);
    }
    return PluginCatalog.of(plugins, commands, () -> shutdown(manager));
  }

  /**
   * Stops and unloads every plugin, one by one over a copy of the list (PF4J 3.15's {@code
   * stopPlugins} modifies the list it iterates).
   */
  private static void shutdown(PluginManager manager) {
    for (PluginWrapper plugin : List.copyOf(manager.getStartedPlugins())) {
      manager.stopPlugin(plugin.getPluginId());
    }
    for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
      manager.unloadPlugin(plugin.getPluginId());
    }
  }

  @SuppressWarnings("rawtypes")
  private static void collectExtension(
      PluginManager manager,
      PluginWrapper plugin,
      Map<String, AdmissionPlugin<?>> plugins,
      List<String> problems) {
    String id = plugin.getPluginId();
    if (!plugin.getPluginState().isStarted()) {
      problems.add(
          label(plugin)
              + ": failed to start (state "
              + plugin.getPluginState()
              + ")"
              + (plugin.getFailedException() == null ? "" : ": " + plugin.getFailedException()));
      return;
    }
    List<AdmissionPlugin> extensions = manager.getExtensions(AdmissionPlugin.class, id);
    if (extensions.size() != 1) {
      problems.add(
          label(plugin)
              + ": must contribute exactly one AdmissionPlugin extension"
              + " (annotate it with @org.pf4j.Extension), found "
              + extensions.size());
      return;
    }
    plugins.put(id, extensions.get(0));
  }

  /** A plugin may contribute at most one command, whose word no other plugin uses. */
  @SuppressWarnings("rawtypes")
  private static void collectCommand(
      PluginManager manager,
      PluginWrapper plugin,
      Map<String, PluginCommand<?>> commands,
      List<String> problems) {
    if (!plugin.getPluginState().isStarted()) {
      return;
    }
    List<PluginCommand> found = manager.getExtensions(PluginCommand.class, plugin.getPluginId());
    if (found.size() > 1) {
      problems.add(
          label(plugin) + ": contributes " + found.size() + " PluginCommand extensions; at most 1");
      return;
    }
    for (PluginCommand command : found) {
      commands.entrySet().stream()
          .filter(e -> e.getValue().name().equals(command.name()))
          .findFirst()
          .ifPresentOrElse(
              clash ->
                  problems.add(
                      label(plugin)
                          + ": command '"
                          + command.name()
                          + "' is already contributed by plugin '"
                          + clash.getKey()
                          + "'"),
              () -> commands.put(plugin.getPluginId(), command));
    }
  }

  static String label(PluginWrapper plugin) {
    return "plugin jar "
        + plugin.getPluginPath().getFileName()
        + " (Plugin-Id "
        + plugin.getPluginId()
        + ", Plugin-Version "
        + plugin.getDescriptor().getVersion()
        + ")";
  }

  /** PF4J's jar manager that records refusals instead of only logging them. */
  private static final class CheckingPluginManager extends JarPluginManager {
    private final Map<String, String> pins;
    private final Predicate<String> wanted;
    private final List<String> problems = new ArrayList<>();

    CheckingPluginManager(Path dir, Map<String, String> pins, Predicate<String> wanted) {
      super(dir);
      this.pins = pins;
      this.wanted = wanted;
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
      try {
        if (!wanted.test(getPluginDescriptorFinder().find(pluginPath).getPluginId())) {
          return null; // PF4J's loadPlugins ignores the result; the jar is never opened further
        }
        return super.loadPluginFromPath(pluginPath);
      } catch (PluginRuntimeException e) {
        problems.add("plugin jar " + pluginPath.getFileName() + ": refused: " + e.getMessage());
        throw e;
      }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
      String requires = plugin.getDescriptor().getRequires();
      if (!super.isPluginValid(plugin)) {
        problems.add(
            label(plugin)
                + ": Plugin-Requires '"
                + requires
                + "' does not accept this host's SPI version "
                + SpiVersion.CURRENT);
        return false;
      }
      String pin = pins.get(plugin.getPluginId());
      if (pin != null) {
        String actual = JarDigest.sha256(plugin.getPluginPath());
        if (!pin.equals(actual)) {
          problems.add(
              label(plugin)
                  + ": sha256 "
                  + actual
                  + " differs from the pin in plugins.sha256 ("
                  + pin
                  + ")");
          return false;
        }
      }
      return true;
    }
  }
}
