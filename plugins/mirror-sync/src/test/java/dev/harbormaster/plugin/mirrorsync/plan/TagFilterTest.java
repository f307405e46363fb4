package dev.harbormaster.plugin.mirrorsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.mirrorsync.config.TagsConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagFilterTest {
  private static final List<String> LISTED =
      List.of(
          "latest",
          "1.24.0",
          "1.25.0",
          "1.25.1",
          "1.26.0-rc1",
          "1.26.0",
          "1.27.3",
          "1.28.0",
          "1.29.1",
          "2.0.0",
          "1.27.3-alpine",
          "mainline");

  private static TagsConfig tags(
      List<String> allow, List<String> deny, String semver, Integer latest, List<String> exact) {
    return new TagsConfig(
        allow, deny, Optional.ofNullable(semver), Optional.ofNullable(latest), exact);
  }

  @Test
  void noFilters_keepEveryListedTag() {
    assertThat(new TagFilter(TagsConfig.all()).select(LISTED)).isEqualTo(LISTED);
  }

  @Test
  void issueExample_allowDenySemverLatest() {
    TagFilter f =
        new TagFilter(tags(List.of("^1\\.2[5-9]\\."), List.of("-rc"), ">=1.25 <2", 3, List.of()));
    assertThat(f.select(LISTED)).containsExactly("1.29.1", "1.28.0", "1.27.3");
  }

  @Test
  void deny_removesMatches() {
    TagFilter f = new TagFilter(tags(List.of(), List.of("alpine", "^latest$"), null, null, null));
    assertThat(f.select(LISTED)).doesNotContain("latest", "1.27.3-alpine").contains("mainline");
  }

  @Test
  void semverRange_excludesNonVersionsAndPrereleases() {
    TagFilter f = new TagFilter(tags(null, null, ">=1.25 <2", null, null));
    assertThat(f.select(LISTED))
        .containsExactly("1.25.0", "1.25.1", "1.26.0", "1.27.3", "1.28.0", "1.29.1");
  }

  @Test
  void onlyExact_needsNoListing_andKeepsTheNamedTags() {
    TagFilter f = new TagFilter(tags(null, null, null, null, List.of("v1.8.0", "v1.8.1")));
    assertThat(f.needsListing()).isFalse();
    assertThat(f.select(List.of())).containsExactly("v1.8.0", "v1.8.1");
  }

  @Test
  void exact_isAddedToFilteredTags() {
    TagFilter f = new TagFilter(tags(List.of("^2\\."), null, null, null, List.of("mainline")));
    assertThat(f.needsListing()).isTrue();
    assertThat(f.select(LISTED)).containsExactly("mainline", "2.0.0");
  }

  @Test
  void accepts_judgesOneTagOnAdmission() {
    TagFilter f = new TagFilter(tags(null, List.of("-rc"), ">=1.25", 2, List.of("stable")));
    assertThat(f.accepts("1.26.0")).isTrue();
    assertThat(f.accepts("1.24.0")).isFalse();
    assertThat(f.accepts("1.26.0-rc1")).isFalse();
    assertThat(f.accepts("stable")).isTrue();
  }
}
