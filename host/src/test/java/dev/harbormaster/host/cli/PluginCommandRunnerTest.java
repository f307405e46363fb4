package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCommandRunnerTest {
  record EchoConfig(String word) {}

  static final class EchoPlugin implements AdmissionPlugin<EchoConfig> {
    @Override
    public Class<EchoConfig> configType() {
      return EchoConfig.class;
    }

    @Override
    public Set<Scope> scopes() {
      return Set.of(Scope.VALIDATING);
    }

    @Override
    public AdmissionHandler start(EchoConfig config, PluginContext context) {
      return review -> Decision.allow();
    }
  }

  /** Prints each instance it is given with its bound config, its context's name, and the args. */
  static final class EchoCommand implements PluginCommand<EchoConfig> {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String description() {
      return "prints its instances";
    }

    @Override
    public int run(
        List<String> args, List<ConfiguredInstance<EchoConfig>> instances, CommandIo io) {
      for (ConfiguredInstance<EchoConfig> i : instances) {
        io.out().println(i.name() + ":" + i.config().word() + ":" + i.context().instanceName());
      }
      io.err().println("args " + args);
      return args.contains("--fail") ? 1 : 0;
    }
  }

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    PluginCommandRunner runner =
        new PluginCommandRunner(
            loaded ->
                PluginCatalog.of(
                    Map.of("echo-plugin", new EchoPlugin(), "other", new EchoPlugin()),
                    Map.of("echo-plugin", new EchoCommand())));
    return runner.run(List.of(args), new PrintWriter(out), new PrintWriter(err));
  }

  private Path config(String yaml) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void runsTheCommand_withOnlyTheContributingPluginsBoundInstances_andTheOtherArguments()
      throws Exception {
    Path config =
        config(
            """
            server: {plainHttp: true}
            instances:
              - {name: a, plugin: echo-plugin, scope: validating, config: {word: one}}
              - {name: b, plugin: other, scope: validating, config: {word: two}}
              - {name: c, plugin: echo-plugin, scope: validating, config: {word: three}}
            """);

    int exit = run("echo", "sync", "--config", config.toString(), "--once", "--fail");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines()).containsExactly("a:one:a", "c:three:c");
    assertThat(err.toString()).contains("args [sync, --once, --fail]");
  }

  @Test
  void loadsOnlyTheConfiguredPlugins_andEveryPluginOnlyWhenTheWordIsNotAmongThem()
      throws Exception {
    Path config =
        config(
            """
            server: {plainHttp: true}
            instances:
              - {name: a, plugin: echo-plugin, scope: validating, config: {word: one}}
            """);
    List<Set<String>> loaded = new java.util.ArrayList<>();
    Set<String> all = Set.of("echo-plugin", "other", "lonely");
    PluginCommandRunner runner =
        new PluginCommandRunner(
            (cfg, wanted) -> {
              Set<String> ids = new java.util.TreeSet<>();
              all.stream().filter(wanted).forEach(ids::add);
              loaded.add(ids);
              Map<String, AdmissionPlugin<?>> plugins = new java.util.HashMap<>();
              ids.forEach(id -> plugins.put(id, new EchoPlugin()));
              return PluginCatalog.of(
                  plugins,
                  ids.contains("lonely")
                      ? Map.of("echo-plugin", new EchoCommand(), "lonely", new LonelyCommand())
                      : Map.of("echo-plugin", new EchoCommand()));
            });

    assertThat(runner.run(List.of("echo", "-c", config.toString()), pw(out), pw(err))).isZero();
    assertThat(loaded).containsExactly(Set.of("echo-plugin"));

    loaded.clear();
    runner.run(List.of("lonely", "-c", config.toString()), pw(out), pw(err));
    assertThat(loaded).containsExactly(Set.of("echo-plugin"), all);
    assertThat(out.toString()).contains("lonely ran with 0 instance(s)");
  }

  static final class LonelyCommand implements PluginCommand<EchoConfig> {
    @Override
    public String name() {
      return "lonely";
    }

    @Override
    public String description() {
      return "a command of a plugin no instance uses";
    }

    @Override
    public int run(
        List<String> args, List<ConfiguredInstance<EchoConfig>> instances, CommandIo io) {
      io.out().println("lonely ran with " + instances.size() + " instance(s)");
      return 0;
    }
  }

  private static PrintWriter pw(StringWriter w) {
    return new PrintWriter(w);
  }

  @Test
  void missingConfig_isAUsageError() {
    assertThat(run("echo", "sync")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--config FILE is required");
  }

  @Test
  void unknownWord_listsThePluginCommands() throws Exception {
    Path config = config("server: {plainHttp: true}\ninstances: []\n");
    assertThat(run("mirorr", "--config=" + config)).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("unknown command 'mirorr'")
        .contains("serve, check, review")
        .contains("plugin commands: echo")
        .contains("(plugins from " + dir.resolve("plugins") + ", which does not exist)");
  }

  @Test
  void invalidPluginConfig_isReportedLikeCheck() throws Exception {
    Path config =
        config(
            """
            server: {plainHttp: true}
            instances:
              - {name: a, plugin: echo-plugin, scope: validating, config: {wrd: one}}
            """);
    assertThat(run("echo", "--config", config.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("instances[0].config.wrd: unknown field 'wrd'");
  }
}
