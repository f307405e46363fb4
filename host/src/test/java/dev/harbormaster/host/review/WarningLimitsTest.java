package dev.harbormaster.host.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningLimitsTest {
  @Test
  void shortWarnings_passUnchanged() {
    assertThat(WarningLimits.cap(List.of("a", "b"))).containsExactly("a", "b");
  }

  @Test
  void duplicates_areDropped() {
    assertThat(WarningLimits.cap(List.of("a", "b", "a"))).containsExactly("a", "b");
  }

  @Test
  void longWarnings_areTruncated_andNewlinesFlattened() {
    String capped = WarningLimits.cap(List.of("x".repeat(1000))).get(0);

    assertThat(capped).hasSize(WarningLimits.MAX_LENGTH).endsWith("...");
    assertThat(WarningLimits.cap(List.of("a\nb"))).containsExactly("a b");
  }

  @Test
  void manyWarnings_areCappedByTotalSize_withACountOfTheRest() {
    List<String> many =
        java.util.stream.IntStream.range(0, 100).mapToObj(i -> i + "y".repeat(200)).toList();

    List<String> capped = WarningLimits.cap(many);

    assertThat(capped.stream().mapToInt(String::length).sum())
        .isLessThanOrEqualTo(WarningLimits.MAX_TOTAL);
    assertThat(capped.get(capped.size() - 1)).matches("\\d+ more warnings omitted");
    int kept = capped.size() - 1;
    assertThat(capped.get(kept)).startsWith((100 - kept) + " ");
  }
}
