package dev.harbormaster.plugin.harborproxy.warming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentResultsTest {
  private static WarmResult result(String ref) {
    return new WarmResult(
        ref, ref, "warmed", "none", "", List.of(), List.of(), "", 0, 0, 0, List.of(), 0, 1, 0, "");
  }

  @Test
  void keepsTheNewestFirst_boundedToMax() {
    RecentResults recent = new RecentResults(2);
    recent.add(result("a"));
    recent.add(result("b"));
    recent.add(result("c"));
    assertThat(recent.snapshot()).extracting(WarmResult::reference).containsExactly("c", "b");
  }

  @Test
  void zero_keepsNothing() {
    RecentResults recent = new RecentResults(0);
    recent.add(result("a"));
    assertThat(recent.snapshot()).isEmpty();
  }
}
