package dev.harbormaster.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.config.ConfigError;
import dev.harbormaster.host.config.InvalidConfigException;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceBinderTest {
  @TempDir Path dir;

  private final PluginCatalog catalog =
      PluginCatalog.of(
          Map.of("greeting", new GreetingPlugin(), "validate-only", new ValidateOnly()));

  @Test
  void bindsEachInstanceConfig_toItsPluginsRecord() {
    List<BoundInstance> bound =
        InstanceBinder.bind(
            config(
                """
                - {name: hello, plugin: greeting, scope: mutating, config: {greeting: hi, stopDelay: 10ms}}
                - {name: hello-again, plugin: greeting, scope: validating, config: {greeting: ho}}
                """),
            catalog);

    assertThat(bound).hasSize(2);
    assertThat(bound.get(0).pluginConfig())
        .isEqualTo(new GreetingPlugin.Config("hi", java.time.Duration.ofMillis(10)));
    assertThat(bound.get(1).config().name()).isEqualTo("hello-again");
  }

  @Test
  void unknownPluginId_listsTheIdsThatExist() {
    ConfigError error = only(config("- {name: x, plugin: greting, scope: mutating}"));

    assertThat(error.instance()).contains("x");
    assertThat(error.path()).isEqualTo("instances[0].plugin");
    assertThat(error.message())
        .contains("unknown plugin id 'greting'")
        .contains("greeting, validate-only");
  }

  @Test
  void unsupportedScope_isRefused() {
    ConfigError error = only(config("- {name: v, plugin: validate-only, scope: mutating}"));

    assertThat(error.path()).isEqualTo("instances[0].scope");
    assertThat(error.message()).contains("does not support scope mutating");
  }

  @Test
  void unknownConfigField_namesThePathBelowConfig() {
    ConfigError error =
        only(
            config(
                "- {name: g, plugin: greeting, scope: mutating, config: {greeting: hi, greting: hi}}"));

    assertThat(error.toString())
        .startsWith(
            "test.yaml: instance 'g': instances[0].config.greting: unknown field 'greting'");
  }

  @Test
  void recordConstructorAndValidateProblems_areReportedWithPaths() {
    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                InstanceBinder.bind(
                    config(
                        """
                        - {name: empty, plugin: greeting, scope: mutating, config: {}}
                        - {name: loud, plugin: greeting, scope: mutating, config: {greeting: HI!}}
                        - {name: late, plugin: greeting, scope: mutating, config: {greeting: a, stopDelay: soon}}
                        """),
                    catalog));

    assertThat(e.errors()).hasSize(3);
    assertThat(e.errors().get(0).message()).contains("greeting must not be empty");
    assertThat(e.errors().get(0).instance()).contains("empty");
    assertThat(e.errors().get(1).path()).isEqualTo("instances[1].config.greeting");
    assertThat(e.errors().get(1).message()).isEqualTo("no shouting: 'HI!'");
    assertThat(e.errors().get(2).path()).isEqualTo("instances[2].config.stopDelay");
    assertThat(e.errors().get(2).message()).contains("invalid duration 'soon'");
  }

  @Test
  void problemsInAConfigFile_nameThatFile_andThePathInsideIt() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("greet.yaml"), "greeting: hi\ncolour: red\n");

    ConfigError error =
        only(config("- {name: g, plugin: greeting, scope: mutating, configFile: greet.yaml}"));

    assertThat(error.source()).isEqualTo(dir.resolve("greet.yaml").toString());
    assertThat(error.instance()).contains("g");
    assertThat(error.path()).isEqualTo("colour");
  }

  private ConfigError only(LoadedConfig config) {
    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class, () -> InstanceBinder.bind(config, catalog));
    assertThat(e.errors()).hasSize(1);
    return e.errors().get(0);
  }

  private LoadedConfig config(String instances) {
    return TestConfigs.parse(dir, "server: {plainHttp: true}\ninstances:\n" + instances.indent(2));
  }

  /** A plugin that only validates. */
  static final class ValidateOnly implements AdmissionPlugin<Map<String, Object>> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public Class<Map<String, Object>> configType() {
      return (Class) Map.class;
    }

    @Override
    public Set<Scope> scopes() {
      return Set.of(Scope.VALIDATING);
    }

    @Override
    public dev.harbormaster.spi.AdmissionHandler start(
        Map<String, Object> config, dev.harbormaster.spi.PluginContext context) {
      return r -> Decision.allow();
    }
  }
}
