package dev.harbormaster.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the Prometheus Operator's {@code monitoring.coreos.com/v1} API that deploy/monitoring
 * uses, as strict records (fabric8 8.x publishes no model for it): every field exists in the
 * operator's API with this name and type; any other field is refused.
 *
 * @see <a href="https://prometheus-operator.dev/docs/api-reference/api/">Prometheus Operator
 *     API</a>
 */
final class MonitoringModel {
  private MonitoringModel() {}

  /** The record class for a monitoring kind this project uses. */
  static Optional<Class<?>> forKind(String apiVersion, String kind) {
    if (!"monitoring.coreos.com/v1".equals(apiVersion)) {
      return Optional.empty();
    }
    return switch (kind) {
      case "ServiceMonitor" -> Optional.of(ServiceMonitor.class);
      case "PrometheusRule" -> Optional.of(PrometheusRule.class);
      default -> Optional.empty();
    };
  }

  /** A ServiceMonitor. */
  record ServiceMonitor(
      String apiVersion,
      String kind,
      CertManagerModel.Metadata metadata,
      ServiceMonitorSpec spec) {}

  /** {@code ServiceMonitor.spec}. */
  record ServiceMonitorSpec(
      Selector selector, NamespaceSelector namespaceSelector, List<Endpoint> endpoints) {}

  /** A label selector (matchLabels only). */
  record Selector(Map<String, String> matchLabels) {}

  /** {@code namespaceSelector}. */
  record NamespaceSelector(List<String> matchNames, Boolean any) {}

  /** One scrape endpoint. */
  record Endpoint(
      String port,
      String path,
      String scheme,
      String interval,
      String scrapeTimeout,
      Boolean honorLabels,
      TlsConfig tlsConfig) {}

  /** {@code tlsConfig}. */
  record TlsConfig(String serverName, SecretOrConfigMap ca, Boolean insecureSkipVerify) {}

  /** {@code ca}: a key of a Secret or ConfigMap. */
  record SecretOrConfigMap(KeySelector secret, KeySelector configMap) {}

  /** A key of a Secret or ConfigMap. */
  record KeySelector(String name, String key, Boolean optional) {}

  /** A PrometheusRule. */
  record PrometheusRule(
      String apiVersion, String kind, CertManagerModel.Metadata metadata, RuleSpec spec) {}

  /** {@code PrometheusRule.spec}. */
  record RuleSpec(List<RuleGroup> groups) {}

  /** A rule group. */
  record RuleGroup(String name, String interval, List<Rule> rules) {}

  /** An alerting or recording rule. */
  record Rule(
      String alert,
      String record,
      String expr,
      @com.fasterxml.jackson.annotation.JsonProperty("for") String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {}
}
