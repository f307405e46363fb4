package dev.harbormaster.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the public API a third-party plugin codes against: this file uses every SPI type and method
 * with its exact signature, so an incompatible change stops it from compiling. If it no longer
 * compiles, the change needs a new major {@link SpiVersion}.
 */
class PublicApiPinTest {

  record PinConfig(String value, Duration every) {}

  static final class PinPlugin implements AdmissionPlugin<PinConfig> {
    @Override
    public Class<PinConfig> configType() {
      return PinConfig.class;
    }

    @Override
    public Set<Scope> scopes() {
      return Set.of(Scope.MUTATING, Scope.VALIDATING);
    }

    @Override
    public List<ConfigProblem> validate(PinConfig config) {
      return config.value() == null
          ? List.of(new ConfigProblem("value", "is required"))
          : List.of();
    }

    @Override
    public AdmissionHandler start(PinConfig config, PluginContext context) {
      context.status().publish(Map.of("started", context.instanceName()));
      return new AdmissionHandler() {
        @Override
        public Decision review(Review review) {
          Optional<ObjectNode> object = review.object();
          object.ifPresent(o -> o.put("pinned", config.value()));
          Decision d = review.dryRun() ? Decision.allow() : Decision.deny(403, "no");
          return d.withWarning("w").withAuditAnnotation("k", "v");
        }

        @Override
        public void stop(Duration deadline) {}
      };
    }
  }

  static final class PinCommand implements PluginCommand<PinConfig> {
    @Override
    public String name() {
      return "pin";
    }

    @Override
    public String description() {
      return "pins the command API";
    }

    @Override
    public int run(List<String> args, List<ConfiguredInstance<PinConfig>> instances, CommandIo io) {
      for (ConfiguredInstance<PinConfig> instance : instances) {
        io.out().println(instance.name() + "=" + instance.config().value() + args);
      }
      return instances.isEmpty() ? 2 : 0;
    }
  }

  static final class PinContext implements PluginContext {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Object published;

    @Override
    public String instanceName() {
      return "pin";
    }

    @Override
    public Scope scope() {
      return Scope.MUTATING;
    }

    @Override
    public boolean instanceDryRun() {
      return false;
    }

    @Override
    public MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Override
    public Tags meterTags() {
      return Tags.of("instance", "pin");
    }

    @Override
    public ScheduledExecutorService scheduler() {
      return scheduler;
    }

    @Override
    public StatusPublisher status() {
      return status -> published = status;
    }

    @Override
    public Path configDirectory() {
      return Path.of(".");
    }
  }

  @Test
  void aPluginWrittenAgainstTheSpi_startsReviewsAndStops() throws Exception {
    PinContext context = new PinContext();
    AdmissionHandler handler =
        new PinPlugin().start(new PinConfig("x", Duration.ofSeconds(1)), context);
    ObjectNode pod = JsonMapper.shared().createObjectNode().put("kind", "Pod");
    Review review =
        new Review(
            "uid-1",
            Operation.CREATE,
            new GroupVersionKind("", "v1", "Pod"),
            new GroupVersionResource("", "v1", "pods"),
            Optional.empty(),
            Optional.of("default"),
            Optional.of("web"),
            UserInfo.anonymous(),
            false,
            Optional.of(pod),
            Optional.empty());

    Decision decision = handler.review(review);
    handler.stop(Duration.ofSeconds(1));
    context.scheduler.shutdown();

    assertThat(decision).isInstanceOf(Decision.Deny.class);
    Decision.Deny deny = (Decision.Deny) decision;
    assertThat(deny.code()).isEqualTo(403);
    assertThat(deny.warnings()).containsExactly("w");
    assertThat(deny.auditAnnotations()).containsEntry("k", "v");
    assertThat(pod.get("pinned").asString()).isEqualTo("x");
    assertThat(context.published).isEqualTo(Map.of("started", "pin"));
    assertThat(review.displayName()).isEqualTo("default/web");
  }

  @Test
  void aPluginCommand_receivesItsArgumentsAndBoundInstances() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PluginCommand<PinConfig> command = new PinCommand();
    int exit =
        command.run(
            List.of("--once"),
            List.of(
                new PluginCommand.ConfiguredInstance<>(
                    "a", new PinConfig("x", Duration.ZERO), new PinContext())),
            new PluginCommand.CommandIo(
                new java.io.PrintStream(out, true), new java.io.PrintStream(out, true)));
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("a=x[--once]" + System.lineSeparator());
  }

  @Test
  void spiVersionConstant_matchesTheVersionTheBuildStampsIntoPluginManifests() throws Exception {
    Properties props = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/spi-version.properties")) {
      props.load(in);
    }
    assertThat(SpiVersion.CURRENT).isEqualTo(props.getProperty("spi.version"));
  }
}
