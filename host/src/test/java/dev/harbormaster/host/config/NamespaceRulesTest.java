package dev.harbormaster.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamespaceRulesTest {
  @Test
  void excludeWins_andEmptyIncludeMeansAll() {
    NamespaceRules rules = new NamespaceRules(null, Set.of("kube-system"));

    assertThat(rules.matches(Optional.of("shop"))).isTrue();
    assertThat(rules.matches(Optional.of("kube-system"))).isFalse();
    assertThat(rules.matches(Optional.empty())).as("cluster-scoped").isTrue();
  }

  @Test
  void include_limitsToListedNamespaces_andExcludesClusterScopedObjects() {
    NamespaceRules rules = new NamespaceRules(Set.of("shop"), null);

    assertThat(rules.matches(Optional.of("shop"))).isTrue();
    assertThat(rules.matches(Optional.of("other"))).isFalse();
    assertThat(rules.matches(Optional.empty())).isFalse();
  }
}
