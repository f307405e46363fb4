package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md and the code agree on the metrics: every meter the host, the plugins and the
 * prefetch agent register is documented, and the document names no meter the code does not register
 * (in Micrometer or Prometheus form).
 */
class OperationsMetricsTest {
  private static final Pattern BINDER = Pattern.compile("new (\\w+)\\(\\)\\.bindTo\\(");

  private final Path root = Checkout.root();
  private final String operations = Checkout.read(Checkout.file("docs/operations.md"));
  private final Map<String, Set<String>> registered = MeterNames.registered(root);

  @Test
  void theScanFindsTheHostsAndEveryPluginsMeters() {
    // Guards the scan itself: one known meter of the host and of each plugin with meters.
    assertThat(registered)
        .containsKeys(
            "harbormaster.reviews",
            "harbormaster.instance.errors",
            "harbormaster.imagerewriter.images",
            "harbormaster.harborproxy.images",
            "harbormaster.mirrorsync.tags.failed",
            "harbormaster.prefetch.intents",
            "harbormaster.prefetch.agent.pulls");
  }

  @Test
  void everyMeterTheCodeRegisters_isDocumentedInOperationsMd() {
    Set<String> documented = MeterNames.namedIn(operations);

    Set<String> missing = new TreeSet<>();
    registered.forEach(
        (name, files) -> {
          if (!documented.contains(name)) {
            missing.add(name + " (registered in " + files + ")");
          }
        });
    assertThat(missing).as("meters registered in the code but not in docs/operations.md").isEmpty();
  }

  @Test
  void operationsMd_namesNoMeterTheCodeDoesNotRegister() {
    Set<String> unknown = new TreeSet<>();
    for (String written : MeterNames.namedIn(operations)) {
      String name = MeterNames.micrometerName(written);
      if (!registered.containsKey(name) && !MeterNames.NOT_METERS.containsKey(name)) {
        unknown.add(written);
      }
    }
    assertThat(unknown).as("names in docs/operations.md that no code registers").isEmpty();
  }

  @Test
  void theNonMeterLiterals_stillExistInTheCode() {
    // Otherwise the exception list would hide a meter that took over one of these names.
    String logs =
        Checkout.read(
            Checkout.file("host/src/main/java/dev/harbormaster/host/observability/ReviewLog.java"));
    String config =
        Checkout.read(
            Checkout.file("host/src/main/java/dev/harbormaster/host/config/LoadedConfig.java"));

    assertThat(MeterNames.NOT_METERS).containsOnlyKeys("harbormaster.review", "harbormaster.home");
    assertThat(logs).contains("LoggerFactory.getLogger(\"harbormaster.review\")");
    assertThat(config).contains("System.getProperty(\"harbormaster.home\"");
  }

  @Test
  void everyMeterBinderTheHostBinds_isNamedInOperationsMd() {
    String server =
        Checkout.read(
            Checkout.file("host/src/main/java/dev/harbormaster/host/runtime/HostServer.java"));
    Set<String> binders = new TreeSet<>();
    Matcher m = BINDER.matcher(server);
    while (m.find()) {
      binders.add(m.group(1));
    }

    assertThat(binders).isNotEmpty();
    assertThat(binders).allSatisfy(b -> assertThat(operations).contains("`" + b + "`"));
  }
}
