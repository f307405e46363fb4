package dev.harbormaster.plugin.mirrorsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SemverRangeTest {
  private static boolean in(String range, String tag) {
    return SemverRange.parse(range).contains(SemanticVersion.parse(tag).orElseThrow());
  }

  @Test
  void spaceSeparatedComparators_mustAllHold() {
    assertThat(in(">=1.25 <2", "1.25.0")).isTrue();
    assertThat(in(">=1.25 <2", "v1.99.3")).isTrue();
    assertThat(in(">=1.25 <2", "2.0.0")).isFalse();
    assertThat(in(">=1.25 <2", "1.24.9")).isFalse();
  }

  @Test
  void alternatives_areOred() {
    assertThat(in("<1 || >=3", "0.9")).isTrue();
    assertThat(in("<1 || >=3", "3.1.0")).isTrue();
    assertThat(in("<1 || >=3", "2.0")).isFalse();
  }

  @Test
  void prereleases_onlyWhenTheRangeNamesOneOfTheSameVersion() {
    assertThat(in(">=1.25", "1.26.0-rc1")).isFalse();
    assertThat(in(">=1.26.0-rc0", "1.26.0-rc1")).isTrue();
  }

  @Test
  void ordering_followsSemver() {
    assertThat(SemanticVersion.parse("1.0.0-rc.2").orElseThrow())
        .isLessThan(SemanticVersion.parse("1.0.0-rc.10").orElseThrow())
        .isLessThan(SemanticVersion.parse("1.0.0").orElseThrow());
    assertThat(SemanticVersion.parse("latest")).isEmpty();
  }

  @Test
  void garbage_isRefusedWithTheRange() {
    assertThatThrownBy(() -> SemverRange.parse(">=1.2 <=x"))
        .hasMessageContaining("'>=1.2 <=x'")
        .hasMessageContaining("'x' is not a version");
  }
}
