package dev.harbormaster.plugin.prefetch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.config.ConfigBinder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefetchConfigTest {
  private static PrefetchConfig bind(String json) {
    return ConfigBinder.bind(ConfigBinder.mapper().readTree(json), PrefetchConfig.class);
  }

  @Test
  void everyFieldIsOptional_withDefaults() {
    PrefetchConfig c = bind("{}");
    assertThat(c).isEqualTo(PrefetchConfig.defaults());
    assertThat(c.namespace()).isEqualTo("harbormaster-system");
    assertThat(c.ttl()).isEqualTo(Duration.ofHours(24));
    assertThat(c.copyPullSecrets()).isTrue();
  }

  @Test
  void bindsEveryField() {
    PrefetchConfig c =
        bind(
            """
            {"namespace": "hm", "nodeSelector": {"pool": "gpu"}, "ttl": "1h30m",
             "copyPullSecrets": false, "queueCapacity": 10, "writers": 1, "aggregateInterval": "5s"}
            """);
    assertThat(c)
        .isEqualTo(
            new PrefetchConfig(
                "hm",
                Map.of("pool", "gpu"),
                Duration.ofMinutes(90),
                false,
                10,
                1,
                Duration.ofSeconds(5)));
  }

  @Test
  void badValues_nameTheFieldAndTheValue() {
    assertThatThrownBy(() -> bind("{\"namespace\": \"Not_A_Label\"}"))
        .hasMessageContaining("namespace")
        .hasMessageContaining("Not_A_Label");
    assertThatThrownBy(() -> bind("{\"writers\": 0}")).hasMessageContaining("writers");
    assertThatThrownBy(() -> bind("{\"nodeSelektor\": {}}")).hasMessageContaining("nodeSelektor");
  }
}
