package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.host.config.ServerConfig;
import dev.harbormaster.host.pipeline.ReviewBudget;
import dev.harbormaster.host.review.WarningLimits;
import dev.harbormaster.spi.Scope;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The numbers the guides state about the host (budgets, defaults, limits) are the code's: each
 * expected phrase is built from the value the code uses.
 */
class StatedLimitsTest {
  private final String architecture = words("docs/architecture.md");
  private final String operations = words("docs/operations.md");
  private final String security = words("docs/security.md");

  /** The document with every run of white space as one space, so that re-wrapping is harmless. */
  private static String words(String document) {
    return Checkout.read(Checkout.file(document)).replaceAll("\\s+", " ");
  }

  private static Object constant(String className, String field)
      throws ReflectiveOperationException {
    Field f = Class.forName(className).getDeclaredField(field);
    f.setAccessible(true);
    return f.get(null);
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }

  @Test
  void theReviewBudget_defaultMaximumAndMargin() {
    assertThat(architecture)
        .contains(
            "timeout (default "
                + seconds(ReviewBudget.DEFAULT)
                + ", max "
                + seconds(ReviewBudget.MAX)
                + ")<br/>minus 20% (at most 1s)");
    // 20% of the timeout, at most one second:
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("2s"))).isEqualTo(Duration.ofMillis(1600));
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("10s"))).isEqualTo(Duration.ofSeconds(9));
    assertThat(ReviewBudget.fromTimeoutParam(Optional.empty()))
        .isEqualTo(ReviewBudget.DEFAULT.minusSeconds(1));
  }

  @Test
  void theBodyLimit_andTheWarningCaps() throws Exception {
    long maxBody = (long) constant("dev.harbormaster.host.http.ReviewHandler", "MAX_BODY");

    assertThat(architecture).contains("body at most " + maxBody / (1024 * 1024) + " MiB (413)");
    assertThat(architecture)
        .contains(
            WarningLimits.MAX_LENGTH
                + " characters each, "
                + WarningLimits.MAX_TOTAL
                + " in total");
  }

  @Test
  void instanceDefaults_timeoutAndFailurePolicy() {
    InstanceConfig defaults =
        new InstanceConfig("x", "p", Scope.VALIDATING, null, false, null, null, null, null);

    assertThat(defaults.failurePolicy()).isEqualTo(FailurePolicy.DENY);
    assertThat(architecture)
        .contains(
            "Each instance has a `timeout` (default `"
                + seconds(defaults.timeout())
                + "`, at most `30s`)")
        .contains("**the default is `deny`**");
  }

  @Test
  void theShutdownGrace_andTheTlsPollInterval() throws Exception {
    ServerConfig server = new ServerConfig(null, null, true, Optional.empty(), null, null, null);
    Duration poll =
        (Duration) constant("dev.harbormaster.host.tls.TlsServerContext", "POLL_INTERVAL");

    assertThat(operations)
        .contains("`server.shutdownGrace` (default `" + seconds(server.shutdownGrace()) + "`");
    assertThat(security).contains("polls every " + poll.toSeconds() + " s");
  }
}
