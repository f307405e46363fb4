package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.pipeline.InstanceRun;
import dev.harbormaster.host.pipeline.ReviewOutcome;
import dev.harbormaster.host.review.AdmissionResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReviewLogTest {
  private final Logger logger =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("harbormaster.review");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void capture() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  @Test
  void oneLinePerReview_withTheReviewsKeyFacts() {
    ReviewOutcome outcome =
        new ReviewOutcome(
            new AdmissionResponse(
                "u",
                false,
                Optional.of(new AdmissionResponse.Status(403, "no")),
                Optional.empty(),
                List.of(),
                Map.of()),
            List.of(
                new InstanceRun("a", "p", InstanceRun.Result.ALLOWED, 1_234_567),
                new InstanceRun("b", "p", InstanceRun.Result.DENIED, 42_000)));

    ReviewLog.reviewed("validate", Fixtures.review("pod-create"), outcome, 2_500_000);

    assertThat(events.list).hasSize(1);
    Map<String, Object> kv =
        events.list.get(0).getKeyValuePairs().stream()
            .collect(Collectors.toMap(p -> p.key, p -> p.value));
    assertThat(kv)
        .containsEntry("uid", "705ab4f5-6393-11e8-b7cc-42010a800002")
        .containsEntry("endpoint", "validate")
        .containsEntry("kind", "v1/Pod")
        .containsEntry("object", "shop/web")
        .containsEntry("operation", "CREATE")
        .containsEntry("decision", "denied")
        .containsEntry("instances", "[a:allowed:1.234ms,b:denied:0.042ms]")
        .containsEntry("durationMs", new java.math.BigDecimal("2.500"));
  }

  @Test
  void millis_keepsThreeDecimals() {
    assertThat(ReviewLog.millis(1_005_000)).hasToString("1.005");
    assertThat(ReviewLog.millis(999)).hasToString("0.000");
    assertThat(ReviewLog.millis(12_340_000)).hasToString("12.340");
  }
}
