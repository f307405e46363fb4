package dev.harbormaster.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.config.InvalidConfigException;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.plugins.BoundInstance;
import dev.harbormaster.host.plugins.TestPluginJar;
import dev.harbormaster.spi.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRuntimeTest {
  @TempDir Path dir;

  @Test
  void startsPluginsFromJars_andRunsThePipelineOverThem() throws Exception {
    TestPluginJar.greeting(
        Files.createDirectories(dir.resolve("plugins")), "g.jar", "greeting", "1.0.0");
    LoadedConfig loaded =
        TestConfigs.parse(
            dir,
            """
            server: {plainHttp: true}
            instances: [{name: hello, plugin: greeting, scope: mutating, config: {greeting: hi}}]
            """);

    try (HostRuntime runtime = HostRuntime.start(loaded, new SimpleMeterRegistry())) {
      var response =
          runtime
              .pipeline()
              .review(Fixtures.review("pod-create"), Scope.MUTATING, Duration.ofSeconds(5))
              .response();

      assertThat(response.allowed()).isTrue();
      assertThat(response.patch().orElseThrow().toString()).contains("/metadata/labels/greeted");
      assertThat(runtime.plugins().instances()).hasSize(1);
    }
  }

  @Test
  void check_bindsWithoutStarting_andReportsProblemsWithTheMissingDirectory() throws Exception {
    LoadedConfig missing =
        TestConfigs.parse(
            dir,
            "server: {plainHttp: true}\n"
                + "plugins: {dir: nowhere}\n"
                + "instances: [{name: a, plugin: greeting, scope: mutating}]\n");

    InvalidConfigException e =
        catchThrowableOfType(InvalidConfigException.class, () -> HostRuntime.check(missing));

    assertThat(e.getMessage()).contains("unknown plugin id 'greeting'").contains("does not exist");

    TestPluginJar.greeting(
        Files.createDirectories(dir.resolve("plugins")), "g.jar", "greeting", "1.0.0");
    List<BoundInstance> bound =
        HostRuntime.check(
            TestConfigs.parse(
                dir,
                "server: {plainHttp: true}\n"
                    + "instances: [{name: a, plugin: greeting, scope: mutating, config: {greeting: x}}]\n"));
    assertThat(bound).singleElement().satisfies(b -> assertThat(b.config().name()).isEqualTo("a"));
  }
}
