package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docs/operations.md explains exactly the alerts of deploy/monitoring/prometheusrule.yaml. */
class OperationsAlertsTest {
  private static final Pattern ALERT_NAME = Pattern.compile("`(Harbormaster[A-Z][A-Za-z]+)`");

  private final String operations = Checkout.read(Checkout.file("docs/operations.md"));

  private static Set<String> alertsInTheRule() {
    JsonNode rule =
        new YAMLMapper()
            .readTree(Checkout.read(Checkout.file("deploy/monitoring/prometheusrule.yaml")));
    Set<String> alerts = new TreeSet<>();
    for (JsonNode group : rule.path("spec").path("groups")) {
      for (JsonNode r : group.path("rules")) {
        if (r.hasNonNull("alert")) {
          alerts.add(r.get("alert").asString());
        }
      }
    }
    return alerts;
  }

  @Test
  void everyAlertOfThePrometheusRule_isExplainedInOperationsMd() {
    Set<String> alerts = alertsInTheRule();

    assertThat(alerts).contains("HarbormasterDown");
    assertThat(alerts)
        .allSatisfy(
            alert -> assertThat(operations).as("docs/operations.md").contains("`" + alert + "`"));
  }

  @Test
  void operationsMd_namesNoAlertThePrometheusRuleDoesNotHave() {
    Set<String> named = new TreeSet<>();
    Matcher m = ALERT_NAME.matcher(operations);
    while (m.find()) {
      named.add(m.group(1));
    }

    assertThat(named).isNotEmpty();
    assertThat(alertsInTheRule()).containsAll(named);
  }
}
