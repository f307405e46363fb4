package dev.harbormaster.prefetch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  @Test
  void servesTheAgentsMetersInPrometheusFormat_withoutPerImageLabels() throws Exception {
    try (MetricsEndpoint endpoint = new MetricsEndpoint(0)) {
      endpoint
          .registry()
          .counter("harbormaster.prefetch.agent.pulls", "result", "pulled", "reason", "")
          .increment();

      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("harbormaster_prefetch_agent_pulls_total{reason=\"\",result=\"pulled\"} 1.0");
    }
  }
}
