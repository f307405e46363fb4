package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every permission any rendered Role or ClusterRole grants is in the golden list {@code
 * rbac-golden.txt}, and nothing more or less: a new grant must be added there, next to the code
 * that makes the API call (see the comments in deploy/base/rbac.yaml).
 */
class RbacGoldenTest {
  @ParameterizedTest
  @EnumSource(Overlay.class)
  void grantedPermissions_areExactlyTheGoldenList(Overlay overlay) throws IOException {
    Rendered r = overlay.render();
    List<String> granted = new ArrayList<>();
    for (Role role : r.all(Role.class)) {
      String who = "Role " + role.getMetadata().getNamespace() + "/" + role.getMetadata().getName();
      role.getRules().forEach(rule -> flatten(who, rule, granted));
    }
    for (ClusterRole role : r.all(ClusterRole.class)) {
      String who = "ClusterRole " + role.getMetadata().getName();
      role.getRules().forEach(rule -> flatten(who, rule, granted));
    }

    assertThat(granted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(golden());
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void noRuleUsesWildcards_orNonResourceUrls_orResourceNamesItCannotKnow(Overlay overlay) {
    Rendered r = overlay.render();
    List<PolicyRule> rules = new ArrayList<>();
    r.all(Role.class).forEach(role -> rules.addAll(role.getRules()));
    r.all(ClusterRole.class).forEach(role -> rules.addAll(role.getRules()));

    assertThat(rules)
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResources()).doesNotContain("*");
              assertThat(rule.getApiGroups()).doesNotContain("*");
              assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            });
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHostAndTheAgent_eachRunAsTheirOwnServiceAccount_boundOnlyToTheirOwnRoles(
      Overlay overlay) {
    Rendered r = overlay.render();
    String host =
        r.one(Deployment.class, "harbormaster")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getServiceAccountName();
    String agent =
        r.one(DaemonSet.class, "harbormaster-prefetch-agent")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getServiceAccountName();
    assertThat(host).isEqualTo("harbormaster");
    assertThat(agent).isEqualTo("harbormaster-prefetch-agent");

    for (RoleBinding b : r.all(RoleBinding.class)) {
      assertThat(b.getRoleRef().getName()).isEqualTo(b.getMetadata().getName());
      assertThat(b.getSubjects())
          .extracting(Subject::getName)
          .containsExactly(b.getRoleRef().getName());
    }
    for (ClusterRoleBinding b : r.all(ClusterRoleBinding.class)) {
      assertThat(b.getRoleRef().getName()).isEqualTo(b.getMetadata().getName());
      assertThat(b.getSubjects())
          .extracting(Subject::getName)
          .containsExactly(b.getRoleRef().getName());
    }
    assertThat(r.all(RoleBinding.class))
        .extracting(b -> b.getRoleRef().getName())
        .contains(host, agent);
    assertThat(r.all(ClusterRoleBinding.class))
        .extracting(b -> b.getRoleRef().getName())
        .contains(host, agent);
  }

  private static void flatten(String who, PolicyRule rule, List<String> into) {
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          String names =
              rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                  ? ""
                  : " names=" + String.join(",", rule.getResourceNames());
          into.add(
              who
                  + ": "
                  + (group.isEmpty() ? "core" : group)
                  + " "
                  + resource
                  + " "
                  + verb
                  + names);
        }
      }
    }
  }

  private static List<String> golden() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(RbacGoldenTest.class.getResourceAsStream("/rbac-golden.txt"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }
}
