package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.host.config.KindPattern;
import dev.harbormaster.spi.Scope;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API server only calls the webhook for what its rules list: every kind, operation and
 * subresource an instance of the config matches must be registered on the webhook of its scope, or
 * the instance would silently never run.
 */
class WebhookRulesCoverageTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void everythingMutatingInstancesMatch_isSentToMutate(Overlay overlay) {
    List<RuleWithOperations> rules =
        overlay
            .render()
            .one(MutatingWebhookConfiguration.class, "harbormaster")
            .getWebhooks()
            .getFirst()
            .getRules();

    assertCovered(instances(overlay, Scope.MUTATING), rules);
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void everythingValidatingInstancesMatch_isSentToValidate(Overlay overlay) {
    List<RuleWithOperations> rules =
        overlay
            .render()
            .one(ValidatingWebhookConfiguration.class, "harbormaster")
            .getWebhooks()
            .getFirst()
            .getRules();

    assertCovered(instances(overlay, Scope.VALIDATING), rules);
  }

  private static void assertCovered(
      List<InstanceConfig> instances, List<RuleWithOperations> rules) {
    assertThat(instances).isNotEmpty();
    for (InstanceConfig i : instances) {
      assertThat(i.match().kinds()).as("%s lists its kinds", i.name()).isNotEmpty();
      for (KindPattern kind : i.match().kinds()) {
        String resource = kind.kind().toLowerCase(Locale.ROOT) + "s";
        for (String operation : i.match().operations()) {
          assertThat(rules)
              .as("%s: %s %s", i.name(), operation, kind)
              .anyMatch(r -> covers(r, kind, resource, operation));
          for (String sub : i.match().subresources()) {
            assertThat(rules)
                .as("%s: %s %s/%s", i.name(), operation, kind, sub)
                .anyMatch(r -> covers(r, kind, resource + "/" + sub, operation));
          }
        }
      }
    }
  }

  private static boolean covers(
      RuleWithOperations rule, KindPattern kind, String resource, String operation) {
    boolean group =
        kind.group().equals("*")
            || rule.getApiGroups().contains(kind.group())
            || rule.getApiGroups().contains("*");
    boolean version =
        kind.version().equals("*")
            || rule.getApiVersions().contains(kind.version())
            || rule.getApiVersions().contains("*");
    boolean op = rule.getOperations().contains(operation) || rule.getOperations().contains("*");
    return group && version && op && rule.getResources().contains(resource);
  }

  private List<InstanceConfig> instances(Overlay overlay, Scope scope) {
    return DeployedConfig.of(overlay.render()).load(dir).config().instances().stream()
        .filter(i -> i.scope() == scope)
        .toList();
  }
}
