package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void rendersAndParses_withSortedActions() {
    assertThat(Scope.pullPush("team/app").toString()).isEqualTo("repository:team/app:pull,push");
    assertThat(Scope.parse("repository:team/app:push,pull")).isEqualTo(Scope.pullPush("team/app"));
    assertThat(Scope.parse("registry:catalog:*").actions()).containsExactly("*");
    assertThatThrownBy(() -> Scope.parse("nonsense")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void merge_combinesActionsPerRepository() {
    assertThat(Scope.merge(List.of(Scope.pull("a"), Scope.pullPush("a"), Scope.pull("b"))))
        .containsExactlyInAnyOrder(Scope.pullPush("a"), Scope.pull("b"));
    assertThat(Scope.pullPush("a").covers(Scope.pull("a"))).isTrue();
    assertThat(Scope.pull("a").covers(Scope.pullPush("a"))).isFalse();
    assertThat(new Scope("repository", "a", Set.of()).actions()).isEmpty();
  }
}
