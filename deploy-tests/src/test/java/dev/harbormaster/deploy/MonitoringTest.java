package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/monitoring renders strictly and scrapes the Service the base creates. */
class MonitoringTest {
  @Test
  @SuppressWarnings("unchecked")
  void theServiceMonitor_scrapesTheHostsMetricsRoute_onTheServicesHttpsPort() {
    Service service = Overlay.CERT_MANAGER.render().one(Service.class, "harbormaster");
    GenericKubernetesResource sm = Monitoring.one("ServiceMonitor");
    Map<String, String> selector = sm.get("spec", "selector", "matchLabels");
    Map<String, Object> endpoint =
        ((List<Map<String, Object>>) sm.get("spec", "endpoints")).getFirst();

    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(endpoint)
        .containsEntry("port", service.getSpec().getPorts().getFirst().getName())
        .containsEntry("path", "/metrics")
        .containsEntry("scheme", "https");
    assertThat((Map<String, Object>) endpoint.get("tlsConfig"))
        .containsEntry("serverName", "harbormaster.harbormaster-system.svc");
    assertThat(sm.getMetadata().getNamespace()).isEqualTo(service.getMetadata().getNamespace());
  }

  @Test
  void alerts_coverWebhookErrorsAndLatency_queueDrops_mirrorFailures_andPrefetchErrors() {
    assertThat(Monitoring.metricNames())
        .contains(
            "harbormaster_reviews_seconds_bucket",
            "harbormaster_instance_errors_total",
            "harbormaster_harborproxy_images_total",
            "harbormaster_mirrorsync_tags_failed_total",
            "harbormaster_prefetch_intent_writes_total");
  }

  @Test
  void theDashboard_isGrafanaJson_withAQueryInEveryPanel_pickedUpByTheSidecar() {
    var cm =
        Monitoring.render()
            .one(io.fabric8.kubernetes.api.model.ConfigMap.class, "harbormaster-grafana-dashboard");

    assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(Monitoring.dashboardExpressions())
        .hasSizeGreaterThanOrEqualTo(9)
        .allSatisfy(e -> assertThat(e).contains("harbormaster_"));
  }
}
