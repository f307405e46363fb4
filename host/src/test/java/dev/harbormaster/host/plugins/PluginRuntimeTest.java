package dev.harbormaster.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRuntimeTest {
  @TempDir Path dir;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void startsEachInstance_withItsOwnContext_andStopsThemWithTheDeadline() {
    LoadedConfig loaded =
        TestConfigs.parse(
            dir,
            """
            server: {plainHttp: true}
            instances:
              - {name: one, plugin: greeting, scope: validating, config: {greeting: hi}}
              - {name: two, plugin: greeting, scope: mutating, dryRun: true, config: {greeting: ho}}
            """);
    PluginCatalog catalog = PluginCatalog.of(Map.of("greeting", new GreetingPlugin()));

    PluginRuntime runtime =
        PluginRuntime.start(
            loaded, catalog, InstanceBinder.bind(loaded, catalog), registry, Duration.ofSeconds(1));

    assertThat(runtime.instances())
        .extracting(i -> i.status().state())
        .containsOnly(InstanceStatus.State.RUNNING);
    assertThat(runtime.find("two").orElseThrow().status().document())
        .contains(Map.of("greeting", "ho", "instance", "two"));
    assertThat(
            registry
                .get("harbormaster.greeting.started")
                .tags("instance", "one", "plugin", "greeting")
                .counter()
                .count())
        .isEqualTo(1.0);

    runtime.stop(Duration.ofSeconds(3));

    assertThat(runtime.instances())
        .extracting(i -> i.status().state())
        .containsOnly(InstanceStatus.State.STOPPED);
    assertThat(runtime.find("one").orElseThrow().status().document())
        .contains(Map.of("stopped", true, "deadline", "PT3S"));
    assertThat(runtime.find("one").orElseThrow().scheduler().isShutdown()).isTrue();
  }

  @Test
  void contextCarriesNameScopeAuditModeAndConfigDirectory() {
    AtomicReference<PluginContext> seen = new AtomicReference<>();
    AdmissionPlugin<Map<String, Object>> spy = new CapturingPlugin(seen);
    LoadedConfig loaded =
        TestConfigs.parse(
            dir,
            "server: {plainHttp: true}\n"
                + "instances: [{name: spy, plugin: spy, scope: mutating, dryRun: true}]\n");
    PluginCatalog catalog = PluginCatalog.of(Map.of("spy", spy));

    PluginRuntime runtime =
        PluginRuntime.start(
            loaded, catalog, InstanceBinder.bind(loaded, catalog), registry, Duration.ofSeconds(1));

    assertThat(seen.get().instanceName()).isEqualTo("spy");
    assertThat(seen.get().scope()).isEqualTo(Scope.MUTATING);
    assertThat(seen.get().instanceDryRun()).isTrue();
    assertThat(seen.get().configDirectory()).isEqualTo(dir);
    assertThat(seen.get().meterTags().stream().map(t -> t.getKey() + "=" + t.getValue()))
        .containsExactly("instance=spy", "plugin=spy");
    runtime.stop(Duration.ofSeconds(1));
  }

  @Test
  void anInstanceThatFailsToStart_isNamed() {
    AdmissionPlugin<Map<String, Object>> broken =
        new CapturingPlugin(null) {
          @Override
          public AdmissionHandler start(Map<String, Object> config, PluginContext context) {
            throw new IllegalStateException(
                "An error has occurred.",
                new java.net.UnknownHostException("kubernetes.default.svc: Name does not resolve"));
          }
        };
    LoadedConfig loaded =
        TestConfigs.parse(
            dir,
            "server: {plainHttp: true}\ninstances: [{name: b, plugin: broken, scope: validating}]\n");
    PluginCatalog catalog = PluginCatalog.of(Map.of("broken", broken));

    PluginLoadException e =
        catchThrowableOfType(
            PluginLoadException.class,
            () ->
                PluginRuntime.start(
                    loaded,
                    catalog,
                    InstanceBinder.bind(loaded, catalog),
                    registry,
                    Duration.ofSeconds(1)));

    assertThat(e.getMessage())
        .contains("instance 'b' (plugin broken) failed to start")
        .contains("An error has occurred.")
        .contains("caused by: java.net.UnknownHostException: kubernetes.default.svc");
    assertThat(e).hasRootCauseInstanceOf(java.net.UnknownHostException.class);
  }

  /** Records the context it was started with. */
  static class CapturingPlugin implements AdmissionPlugin<Map<String, Object>> {
    private final AtomicReference<PluginContext> seen;

    CapturingPlugin(AtomicReference<PluginContext> seen) {
      this.seen = seen;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public Class<Map<String, Object>> configType() {
      return (Class) Map.class;
    }

    @Override
    public Set<Scope> scopes() {
      return Set.of(Scope.MUTATING, Scope.VALIDATING);
    }

    @Override
    public AdmissionHandler start(Map<String, Object> config, PluginContext context) {
      seen.set(context);
      return r -> dev.harbormaster.spi.Decision.allow();
    }
  }
}
