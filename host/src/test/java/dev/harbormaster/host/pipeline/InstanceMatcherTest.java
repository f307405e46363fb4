package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.config.KindPattern;
import dev.harbormaster.host.config.LabelRequirement;
import dev.harbormaster.host.config.LabelSelector;
import dev.harbormaster.host.config.MatchRules;
import dev.harbormaster.host.config.NamespaceRules;
import dev.harbormaster.spi.Review;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceMatcherTest {
  private final Review podCreate = Fixtures.review("pod-create");

  @Test
  void emptyRules_matchEveryRequestWithoutSubresource() {
    InstanceMatcher all = new InstanceMatcher(MatchRules.ALL);

    assertThat(all.matches(podCreate)).isTrue();
    assertThat(all.matches(ephemeralContainersUpdate())).isFalse();
  }

  @Test
  void subresources_mustBeListed() {
    InstanceMatcher ephemeral =
        new InstanceMatcher(new MatchRules(null, null, List.of("ephemeralcontainers"), null, null));

    assertThat(ephemeral.matches(ephemeralContainersUpdate())).isTrue();
    assertThat(ephemeral.matches(podCreate)).isTrue();
  }

  @Test
  void kindsAndOperations_filter() {
    assertThat(matcher(List.of(KindPattern.parse("Deployment")), null).matches(podCreate))
        .isFalse();
    assertThat(matcher(List.of(KindPattern.parse("v1/Pod")), List.of("CREATE")).matches(podCreate))
        .isTrue();
    assertThat(matcher(null, List.of("UPDATE", "DELETE")).matches(podCreate)).isFalse();
    assertThat(matcher(null, List.of("*")).matches(podCreate)).isTrue();
  }

  @Test
  void namespaceExclusion_filters() {
    InstanceMatcher notShop =
        new InstanceMatcher(
            new MatchRules(null, null, null, new NamespaceRules(null, Set.of("shop")), null));

    assertThat(notShop.matches(podCreate)).isFalse();
  }

  @Test
  void objectSelector_readsTheObjectsLabels_orTheOldObjectsOnDelete() {
    InstanceMatcher gold =
        new InstanceMatcher(
            new MatchRules(
                null, null, null, null, new LabelSelector(Map.of("tier", "gold"), null)));
    InstanceMatcher optedOut =
        new InstanceMatcher(
            new MatchRules(
                null,
                null,
                null,
                null,
                new LabelSelector(
                    null, List.of(new LabelRequirement("app", "DoesNotExist", null)))));

    assertThat(gold.matches(Fixtures.review("pod-delete"))).isTrue();
    assertThat(gold.matches(podCreate)).isFalse();
    assertThat(optedOut.matches(podCreate)).isFalse();
  }

  private static InstanceMatcher matcher(List<KindPattern> kinds, List<String> operations) {
    return new InstanceMatcher(new MatchRules(kinds, operations, null, null, null));
  }

  private Review ephemeralContainersUpdate() {
    return new Review(
        "u",
        dev.harbormaster.spi.Operation.UPDATE,
        podCreate.kind(),
        podCreate.resource(),
        Optional.of("ephemeralcontainers"),
        podCreate.namespace(),
        podCreate.name(),
        podCreate.userInfo(),
        false,
        podCreate.object(),
        podCreate.object());
  }
}
