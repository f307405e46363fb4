package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeterNamesTest {

  @Test
  void takesEveryHarbormasterLiteral_asAMeterName_exceptTheKnownOthers() {
    String source =
        """
        Timer.builder("harbormaster.reviews").register(registry);
        count("harbormaster.imagerewriter.images", Tags.of("rule", rule));
        registry.gauge("harbormaster.prefetch.agent.pulls.in.flight", inFlight);
        LoggerFactory.getLogger("harbormaster.review");
        System.getProperty("harbormaster.home", ".");
        String label = "harbormaster.dev/image-caching-policy";
        """;

    assertThat(MeterNames.literals(source))
        .containsExactly(
            "harbormaster.imagerewriter.images",
            "harbormaster.prefetch.agent.pulls.in.flight",
            "harbormaster.reviews");
  }

  @Test
  void findsNamesInText_inBothForms_butNotDomainsOrNamespaces() {
    String text =
        "`harbormaster.reviews` and `harbormaster_instance_errors_total{kind=\"timeout\"}`;"
            + " label harbormaster.dev/image-caching-policy, namespace harbormaster-system,"
            + " service harbormaster.harbormaster-system.svc.";

    assertThat(MeterNames.namedIn(text))
        .containsExactly("harbormaster.reviews", "harbormaster_instance_errors_total");
  }

  @Test
  void reducesPrometheusNames_toMicrometerNames() {
    assertThat(MeterNames.micrometerName("harbormaster_reviews_seconds_bucket"))
        .isEqualTo("harbormaster.reviews");
    assertThat(MeterNames.micrometerName("harbormaster_mirrorsync_tags_up_to_date_total"))
        .isEqualTo("harbormaster.mirrorsync.tags.up.to.date");
    assertThat(MeterNames.micrometerName("harbormaster_prefetch_agent_pull_duration_seconds"))
        .isEqualTo("harbormaster.prefetch.agent.pull.duration");
    assertThat(MeterNames.micrometerName("harbormaster_harborproxy_queue_inflight"))
        .isEqualTo("harbormaster.harborproxy.queue.inflight");
    assertThat(MeterNames.micrometerName("harbormaster.instance.errors"))
        .isEqualTo("harbormaster.instance.errors");
  }
}
