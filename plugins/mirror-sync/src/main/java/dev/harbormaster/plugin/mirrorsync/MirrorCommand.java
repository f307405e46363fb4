package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.status.SyncMetrics;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.worker.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code harbormaster mirror sync --config FILE [--instance NAME] --once [--dry-run]}: one pass of
 * every (or the named) {@code mirror-sync} instance, then exit; for CI and air-gapped transfers.
 * {@code --dry-run} prints what would be copied, with sizes, and copies nothing. Copies report
 * progress on standard error. No leader election: the command runs when asked.
 *
 * <p>Exit codes: 0 everything in sync, 1 some tag failed, 2 usage error.
 */
@Extension
public final class MirrorCommand implements PluginCommand<MirrorSyncConfig> {
  static final String USAGE =
      "usage: harbormaster mirror sync --config FILE [--instance NAME] --once [--dry-run]";

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public MirrorCommand() {}

  @Override
  public String name() {
    return "mirror";
  }

  @Override
  public String description() {
    return "mirror sync --once [--dry-run] [--instance NAME]: one mirror-sync pass, then exit";
  }

  @Override
  public int run(
      List<String> args, List<ConfiguredInstance<MirrorSyncConfig>> instances, CommandIo io)
      throws Exception {
    Optional<Options> options = Options.parse(args, io);
    if (options.isEmpty()) {
      return 2;
    }
    Options o = options.get();
    List<ConfiguredInstance<MirrorSyncConfig>> selected = new ArrayList<>();
    for (ConfiguredInstance<MirrorSyncConfig> i : instances) {
      if (o.instance().isEmpty() || o.instance().get().equals(i.name())) {
        selected.add(i);
      }
    }
    if (selected.isEmpty()) {
      io.err()
          .println(
              o.instance().isPresent()
                  ? "no mirror-sync instance named '"
                      + o.instance().get()
                      + "'; configured: "
                      + instances.stream().map(ConfiguredInstance::name).toList()
                  : "the config file has no mirror-sync instance");
      return 2;
    }
    int exit = 0;
    for (ConfiguredInstance<MirrorSyncConfig> i : selected) {
      SyncMetrics metrics = new SyncMetrics(i.context().meterRegistry(), i.context().meterTags());
      CommandProgress progress = new CommandProgress(io.err());
      MirrorSync sync =
          new MirrorSync(
              i.config(),
              i.context().configDirectory(),
              i.name(),
              metrics,
              progress,
              new RetryPolicy(
                  4, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(10)),
              Clock.systemUTC());
      OncePass pass = new OncePass(i.name(), sync, progress, io);
      exit = Math.max(exit, o.dryRun() ? pass.dryRun() : pass.sync());
    }
    return exit;
  }

  /**
   * Parsed arguments.
   *
   * @param instance only this instance
   * @param dryRun plan only
   */
  record Options(Optional<String> instance, boolean dryRun) {
    static Optional<Options> parse(List<String> args, CommandIo io) {
      if (args.isEmpty() || !args.get(0).equals("sync")) {
        io.err().println(USAGE);
        return Optional.empty();
      }
      Optional<String> instance = Optional.empty();
      boolean once = false;
      boolean dryRun = false;
      for (int i = 1; i < args.size(); i++) {
        switch (args.get(i)) {
          case "--once" -> once = true;
          case "--dry-run" -> dryRun = true;
          case "--instance" -> {
            if (i + 1 >= args.size()) {
              io.err().println("--instance needs a name\n" + USAGE);
              return Optional.empty();
            }
            instance = Optional.of(args.get(++i));
          }
          default -> {
            io.err().println("unknown argument '" + args.get(i) + "'\n" + USAGE);
            return Optional.empty();
          }
        }
      }
      if (!once) {
        io.err()
            .println("--once is required: continuous sync runs in `harbormaster serve`\n" + USAGE);
        return Optional.empty();
      }
      return Optional.of(new Options(instance, dryRun));
    }
  }
}
