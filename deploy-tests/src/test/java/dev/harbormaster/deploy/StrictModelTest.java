package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict parser refuses what the lenient fabric8 model would silently keep. */
class StrictModelTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: demo}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                image: nginx:1.27
                %s
      """;

  @Test
  void parsesAKnownObject_intoItsTypedClass() {
    var objects = StrictModel.parseAll(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent"));

    assertThat(objects).singleElement().isInstanceOf(Deployment.class);
    Deployment d = (Deployment) objects.getFirst();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
        .isEqualTo("nginx:1.27");
  }

  @Test
  void refusesAMisspelledFieldDeepInsideAnObject_namingItsPath() {
    assertThatThrownBy(() -> StrictModel.parseAll(DEPLOYMENT.formatted("imagePulPolicy: Always")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apps/v1 Deployment web")
        .hasMessageContaining(".spec.template.spec.containers[0].[imagePulPolicy]");
  }

  @Test
  void refusesAKindWithoutATypedModel() {
    assertThatThrownBy(
            () ->
                StrictModel.parseAll(
                    """
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata: {name: w}
                    spec: {size: 3}
                    """))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("example.com/v1 Widget w");
  }

  @Test
  void refusesAValueOfTheWrongType() {
    assertThatThrownBy(
            () -> StrictModel.parseAll(DEPLOYMENT.formatted("ports: {containerPort: 80}")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not parse");
  }

  @Test
  void refusesAnUnknownFieldInACertManagerObject() {
    assertThatThrownBy(
            () ->
                StrictModel.parseAll(
                    """
                    apiVersion: cert-manager.io/v1
                    kind: Certificate
                    metadata: {name: c, namespace: n}
                    spec: {secretName: s, dnsName: [a.example], issuerRef: {name: i}}
                    """))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cert-manager.io/v1 Certificate c")
        .hasMessageContaining("dnsName");
  }

  @Test
  void refusesAnUnknownFieldInAPrometheusRule() {
    assertThatThrownBy(
            () ->
                StrictModel.parseAll(
                    """
                    apiVersion: monitoring.coreos.com/v1
                    kind: PrometheusRule
                    metadata: {name: r}
                    spec: {groups: [{name: g, rules: [{alert: A, expresion: up == 0}]}]}
                    """))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expresion");
  }
}
