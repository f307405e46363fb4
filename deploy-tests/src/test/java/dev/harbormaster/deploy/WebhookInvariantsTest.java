package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.host.config.LabelSelector;
import dev.harbormaster.host.pipeline.ReviewBudget;
import dev.harbormaster.spi.Scope;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReference;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook registrations agree with the host: paths it serves, the Service's port, timeouts
 * within the host's review budget, selectors that keep Harbormaster's namespace, kube-system and
 * opted-out objects away (evaluated with the host's own label-selector code).
 */
class WebhookInvariantsTest {
  private static final String POLICY_LABEL = "harbormaster.dev/image-caching-policy";
  private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
  private static final String OPT_OUT_LABEL = "harbormaster.dev/admission";

  @TempDir Path dir;

  private static MutatingWebhook mutating(Overlay overlay) {
    return overlay
        .render()
        .one(MutatingWebhookConfiguration.class, "harbormaster")
        .getWebhooks()
        .getFirst();
  }

  private static ValidatingWebhook validating(Overlay overlay) {
    return overlay
        .render()
        .one(ValidatingWebhookConfiguration.class, "harbormaster")
        .getWebhooks()
        .getFirst();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void eachConfiguration_hasOneWebhook_callingTheHostsRoute_throughTheService(Overlay overlay) {
    Rendered r = overlay.render();
    assertThat(r.one(MutatingWebhookConfiguration.class, "harbormaster").getWebhooks()).hasSize(1);
    assertThat(r.one(ValidatingWebhookConfiguration.class, "harbormaster").getWebhooks())
        .hasSize(1);
    Service service = r.one(Service.class, "harbormaster");
    int servicePort = service.getSpec().getPorts().getFirst().getPort();

    for (var entry :
        Map.of(
                "/mutate", mutating(overlay).getClientConfig().getService(),
                "/validate", validating(overlay).getClientConfig().getService())
            .entrySet()) {
      ServiceReference ref = entry.getValue();
      assertThat(ref.getPath()).isEqualTo(entry.getKey());
      assertThat(ref.getName()).isEqualTo(service.getMetadata().getName());
      assertThat(ref.getNamespace()).isEqualTo(service.getMetadata().getNamespace());
      assertThat(ref.getPort()).isEqualTo(servicePort);
    }
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void registrations_useTheSafeDefaults(Overlay overlay) {
    MutatingWebhook m = mutating(overlay);
    ValidatingWebhook v = validating(overlay);

    assertThat(List.of(m.getFailurePolicy(), v.getFailurePolicy())).containsOnly("Ignore");
    assertThat(List.of(m.getSideEffects(), v.getSideEffects())).containsOnly("NoneOnDryRun");
    assertThat(m.getReinvocationPolicy()).isEqualTo("IfNeeded");
    assertThat(m.getAdmissionReviewVersions()).containsExactly("v1");
    assertThat(v.getAdmissionReviewVersions()).containsExactly("v1");
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void mutatingInstancesTogether_finishWithinTheHostsBudget_forTheMutatingTimeout(Overlay overlay) {
    Duration budget = budgetOf(mutating(overlay).getTimeoutSeconds());
    Duration sum =
        instances(overlay, Scope.MUTATING).stream()
            .map(InstanceConfig::timeout)
            .reduce(Duration.ZERO, Duration::plus);

    assertThat(sum).isPositive().isLessThan(budget);
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void everyValidatingInstance_finishesWithinTheHostsBudget_forTheValidatingTimeout(
      Overlay overlay) {
    Duration budget = budgetOf(validating(overlay).getTimeoutSeconds());

    assertThat(instances(overlay, Scope.VALIDATING))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.timeout()).as(i.name()).isLessThan(budget));
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void namespaceSelectors_neverSendHarbormastersNamespaceOrKubeSystem(Overlay overlay) {
    for (var selector :
        List.of(
            mutating(overlay).getNamespaceSelector(), validating(overlay).getNamespaceSelector())) {
      LabelSelector s = HostLabelSelector.of(selector);
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "harbormaster-system"))).isFalse();
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "kube-system"))).isFalse();
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "team-a"))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void namespaceSelectors_skipNamespacesLabelledAdmissionDisabled_andOnlyThose(Overlay overlay) {
    for (var selector :
        List.of(
            mutating(overlay).getNamespaceSelector(), validating(overlay).getNamespaceSelector())) {
      LabelSelector s = HostLabelSelector.of(selector);
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "team-a", OPT_OUT_LABEL, "disabled"))).isFalse();
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "team-a", OPT_OUT_LABEL, "enabled"))).isTrue();
      assertThat(s.matches(Map.of(NAMESPACE_LABEL, "team-a", "team", "a"))).isTrue();
    }
  }

  @Test
  void theOptOutLabels_areTheOnesDeployReadmeDocuments() throws Exception {
    String readme = Files.readString(Overlay.deployDirectory().resolve("README.md"));

    assertThat(readme)
        .contains("`" + OPT_OUT_LABEL + ": disabled`")
        .contains("`" + POLICY_LABEL + ": ignore`");
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void objectSelectors_skipOptedOutObjects_andSendUnlabelledOnes(Overlay overlay) {
    for (var selector :
        List.of(mutating(overlay).getObjectSelector(), validating(overlay).getObjectSelector())) {
      LabelSelector s = HostLabelSelector.of(selector);
      assertThat(s.matches(Map.of(POLICY_LABEL, "ignore"))).isFalse();
      assertThat(s.matches(Map.of())).isTrue();
      assertThat(s.matches(Map.of("app", "web"))).isTrue();
      assertThat(s.matches(Map.of(POLICY_LABEL, "default"))).isTrue();
    }
  }

  private List<InstanceConfig> instances(Overlay overlay, Scope scope) {
    return DeployedConfig.of(overlay.render()).load(dir).config().instances().stream()
        .filter(i -> i.scope() == scope)
        .toList();
  }

  /** The host's budget for a webhook registered with {@code timeoutSeconds} (API default 10). */
  private static Duration budgetOf(Integer timeoutSeconds) {
    assertThat(timeoutSeconds).isNotNull().isBetween(1, 30);
    return ReviewBudget.fromTimeoutParam(Optional.of(timeoutSeconds + "s"));
  }
}
