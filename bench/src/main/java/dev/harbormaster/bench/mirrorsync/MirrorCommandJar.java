package dev.harbormaster.bench.mirrorsync;

import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.config.ConfigBinder;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code mirror} command of the mirror-sync plugin jar, loaded and called as the host does: the
 * instance config is bound to the plugin's config type with {@link ConfigBinder}, then {@code
 * run(args, instances, io)} is called.
 */
final class MirrorCommandJar {
  private final AdmissionPlugin<Object> plugin;
  private final PluginCommand<Object> command;

  @SuppressWarnings("unchecked")
  MirrorCommandJar(Path jar) throws Exception {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, MirrorCommandJar.class.getClassLoader());
    this.plugin =
        (AdmissionPlugin<Object>)
            loader
                .loadClass("dev.harbormaster.plugin.mirrorsync.MirrorSyncPlugin")
                .getConstructor()
                .newInstance();
    this.command =
        (PluginCommand<Object>)
            loader
                .loadClass("dev.harbormaster.plugin.mirrorsync.MirrorCommand")
                .getConstructor()
                .newInstance();
  }

  /** Runs {@code mirror <args>} for one instance; returns the exit code. */
  int run(JsonNode config, PluginContext context, List<String> args, PrintStream out)
      throws Exception {
    Object bound = ConfigBinder.bind(config, plugin.configType());
    return command.run(
        args,
        List.of(new PluginCommand.ConfiguredInstance<>(context.instanceName(), bound, context)),
        new PluginCommand.CommandIo(out, out));
  }
}
