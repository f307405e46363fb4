package dev.harbormaster.host.plugins.testplugin;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * A tiny plugin used by the host's tests, packaged into real PF4J jars by {@code TestPluginJar}: it
 * warns with its greeting, labels the object in mutating scope, and publishes its status.
 */
@Extension
public final class GreetingPlugin implements AdmissionPlugin<GreetingPlugin.Config> {

  /**
   * The config record.
   *
   * @param greeting the warning text (required)
   * @param stopDelay how long {@code stop} takes
   */
  public record Config(String greeting, Duration stopDelay) {
    /** Validates the greeting. */
    public Config {
      if (greeting == null || greeting.isBlank()) {
        throw new IllegalArgumentException("greeting must not be empty");
      }
      stopDelay = stopDelay == null ? Duration.ZERO : stopDelay;
    }
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.MUTATING, Scope.VALIDATING);
  }

  @Override
  public List<ConfigProblem> validate(Config config) {
    return config.greeting().contains("!")
        ? List.of(new ConfigProblem("greeting", "no shouting: '" + config.greeting() + "'"))
        : List.of();
  }

  @Override
  public AdmissionHandler start(Config config, PluginContext context) {
    context
        .status()
        .publish(Map.of("greeting", config.greeting(), "instance", context.instanceName()));
    context
        .meterRegistry()
        .counter("harbormaster.greeting.started", context.meterTags())
        .increment();
    return new AdmissionHandler() {
      @Override
      public Decision review(dev.harbormaster.spi.Review review) {
        if (context.scope() == Scope.MUTATING) {
          review
              .object()
              .ifPresent(
                  o ->
                      o.withObjectProperty("metadata")
                          .withObjectProperty("labels")
                          .put("greeted", config.greeting()));
        }
        return Decision.allow()
            .withWarning(config.greeting())
            .withAuditAnnotation("greeted", "yes");
      }

      @Override
      public void stop(Duration deadline) throws InterruptedException {
        context.status().publish(Map.of("stopped", true, "deadline", deadline.toString()));
        Thread.sleep(config.stopDelay().toMillis());
      }
    };
  }
}
