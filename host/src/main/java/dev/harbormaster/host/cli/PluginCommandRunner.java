package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.plugins.BoundInstance;
import dev.harbormaster.host.plugins.HostPluginContext;
import dev.harbormaster.host.plugins.InstanceBinder;
import dev.harbormaster.host.plugins.InstanceStatus;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.plugins.PluginJarLoader;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.spi.PluginCommand.CommandIo;
import dev.harbormaster.spi.PluginCommand.ConfiguredInstance;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a command contributed by a plugin ({@link PluginCommand}): {@code harbormaster <word> ...
 * --config FILE}. The config is loaded, the plugins are loaded and every instance is bound exactly
 * as for {@code serve}; the instances of the contributing plugin are handed to the command with
 * their own contexts, whose schedulers are shut down when it returns.
 */
public final class PluginCommandRunner {
  /** Builds the catalog of a config's plugin directory, loading only the wanted plugin ids. */
  @FunctionalInterface
  public interface CatalogLoader
      extends BiFunction<LoadedConfig, Predicate<String>, PluginCatalog> {}

  private final CatalogLoader catalogs;
  private final boolean warmUpTls;

  /**
   * A runner that loads plugin jars from the configured directory: first only the jars of the
   * plugins the config's instances use (a command runs on those instances; a one-shot command
   * should not pay for opening every other plugin), and every jar only when the word is not found
   * among them, to name the commands that exist.
   */
  public PluginCommandRunner() {
    this.catalogs =
        (loaded, wanted) ->
            PluginJarLoader.load(
                loaded.pluginDirectory(), loaded.config().plugins().sha256(), wanted);
    this.warmUpTls = true;
  }

  /** A runner over catalogs built by {@code catalogs} (tests and embedding). */
  public PluginCommandRunner(Function<LoadedConfig, PluginCatalog> catalogs) {
    this.catalogs = (loaded, wanted) -> catalogs.apply(loaded);
    this.warmUpTls = false;
  }

  /** A runner over catalogs built by {@code catalogs}, which is told the wanted plugin ids. */
  public PluginCommandRunner(CatalogLoader catalogs) {
    this.catalogs = catalogs;
    this.warmUpTls = false;
  }

  /**
   * Runs {@code args[0]} as a plugin command.
   *
   * @return the command's exit code; {@link ExitCodes#USAGE} when {@code --config} is missing or no
   *     plugin contributes the word; {@link ExitCodes#DENIED_OR_INVALID} for config problems
   */
  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    String word = args.get(0);
    Optional<ConfigArgument> parsed = ConfigArgument.extract(args.subList(1, args.size()));
    if (parsed.isEmpty()) {
      err.println(
          "harbormaster "
              + word
              + ": --config FILE is required (plugin commands read their instances from it)");
      err.flush();
      return ExitCodes.USAGE;
    }
    if (warmUpTls) {
      TrustStoreWarmUp.start();
    }
    try {
      LoadedConfig loaded = ConfigLoader.load(parsed.get().config());
      CommandLogging.configure(loaded);
      Set<String> configured = new HashSet<>();
      loaded.instances().forEach(i -> configured.add(i.plugin()));
      try (PluginCatalog catalog = catalogs.apply(loaded, configured::contains)) {
        if (find(catalog, word).isPresent()) {
          return run(word, parsed.get(), loaded, catalog, out, err);
        }
      }
      try (PluginCatalog catalog = catalogs.apply(loaded, id -> true)) {
        return run(word, parsed.get(), loaded, catalog, out, err);
      }
    } catch (RuntimeException e) {
      return ProblemPrinter.print(e, err);
    }
  }

  private static Optional<Map.Entry<String, PluginCommand<?>>> find(
      PluginCatalog catalog, String word) {
    return catalog.commandsByPlugin().entrySet().stream()
        .filter(e -> e.getValue().name().equals(word))
        .findFirst();
  }

  private static int run(
      String word,
      ConfigArgument parsed,
      LoadedConfig loaded,
      PluginCatalog catalog,
      PrintWriter out,
      PrintWriter err) {
    Optional<Map.Entry<String, PluginCommand<?>>> command = find(catalog, word);
    if (command.isEmpty()) {
      err.println(
          "unknown command '"
              + word
              + "': built-in commands are serve, check, review; plugin commands: "
              + (catalog.commandsByPlugin().isEmpty()
                  ? "none"
                  : String.join(
                      ", ",
                      catalog.commandsByPlugin().values().stream()
                          .map(PluginCommand::name)
                          .toList()))
              + " (plugins from "
              + loaded.pluginDirectory()
              + (java.nio.file.Files.isDirectory(loaded.pluginDirectory())
                  ? ")"
                  : ", which does not exist)"));
      err.flush();
      return ExitCodes.USAGE;
    }
    List<BoundInstance> bound =
        InstanceBinder.bind(loaded, catalog).stream()
            .filter(b -> b.config().plugin().equals(command.get().getKey()))
            .toList();
    return invoke(command.get().getValue(), parsed.rest(), bound, loaded, out, err);
  }

  @SuppressWarnings("unchecked")
  private static int invoke(
      PluginCommand<?> command,
      List<String> args,
      List<BoundInstance> bound,
      LoadedConfig loaded,
      PrintWriter out,
      PrintWriter err) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<ScheduledExecutorService> schedulers = new ArrayList<>();
    List<ConfiguredInstance<Object>> instances = new ArrayList<>();
    for (BoundInstance instance : bound) {
      String name = instance.config().name();
      ScheduledExecutorService scheduler =
          Executors.newScheduledThreadPool(
              1, Thread.ofVirtual().name("hm-" + name + "-", 0).factory());
      schedulers.add(scheduler);
      instances.add(
          new ConfiguredInstance<>(
              name,
              instance.pluginConfig(),
              new HostPluginContext(
                  name,
                  instance.config().scope(),
                  instance.config().dryRun(),
                  registry,
                  Tags.of("instance", name, "plugin", instance.config().plugin()),
                  scheduler,
                  new InstanceStatus(),
                  loaded.directory())));
    }
    PrintStream outStream = new PrintStream(new WriterStream(out), true);
    PrintStream errStream = new PrintStream(new WriterStream(err), true);
    try {
      return ((PluginCommand<Object>) command)
          .run(args, instances, new CommandIo(outStream, errStream));
    } catch (Exception e) {
      errStream.println("harbormaster " + command.name() + " failed: " + e);
      return ExitCodes.DENIED_OR_INVALID;
    } finally {
      outStream.flush();
      errStream.flush();
      schedulers.forEach(ScheduledExecutorService::shutdownNow);
    }
  }

  /** {@code --config FILE} (or {@code -c FILE}, {@code --config=FILE}) and the other arguments. */
  record ConfigArgument(Path config, List<String> rest) {
    static Optional<ConfigArgument> extract(List<String> args) {
      List<String> rest = new ArrayList<>();
      Path config = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if ((arg.equals("--config") || arg.equals("-c")) && i + 1 < args.size()) {
          config = Path.of(args.get(++i));
        } else if (arg.startsWith("--config=")) {
          config = Path.of(arg.substring("--config=".length()));
        } else {
          rest.add(arg);
        }
      }
      return config == null ? Optional.empty() : Optional.of(new ConfigArgument(config, rest));
    }
  }

  /** Bytes written by a command, passed on to a {@link Writer} as UTF-8 text. */
  private static final class WriterStream extends java.io.OutputStream {
    private final Writer writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterStream(Writer writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      try {
        writer.write(line.toString(java.nio.charset.StandardCharsets.UTF_8));
        writer.flush();
        line.reset();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
