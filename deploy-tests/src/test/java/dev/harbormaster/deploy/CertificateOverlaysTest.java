package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each overlay gets the serving certificate and the CA to the API server. */
class CertificateOverlaysTest {
  private static final String INJECT = "cert-manager.io/inject-ca-from";

  @Test
  @SuppressWarnings("unchecked")
  void certManager_issuesTheServicesCertificate_intoTheSecretTheHostMounts() {
    Rendered r = Overlay.CERT_MANAGER.render();
    Service service = r.one(Service.class, "harbormaster");
    String dns =
        service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ".svc";
    GenericKubernetesResource certificate = certificate(r, "harbormaster-tls");
    Map<String, Object> spec = certificate.get("spec");

    assertThat(spec).containsEntry("secretName", "harbormaster-tls");
    assertThat((List<Object>) spec.get("dnsNames")).contains(dns, dns + ".cluster.local");
    assertThat(certificate.getMetadata().getNamespace()).isEqualTo("harbormaster-system");
  }

  @Test
  void certManager_injectsTheCa_intoBothWebhookConfigurations() {
    Rendered r = Overlay.CERT_MANAGER.render();
    String from = "harbormaster-system/harbormaster-tls";

    assertThat(
            r.one(MutatingWebhookConfiguration.class, "harbormaster")
                .getMetadata()
                .getAnnotations())
        .containsEntry(INJECT, from);
    assertThat(
            r.one(ValidatingWebhookConfiguration.class, "harbormaster")
                .getMetadata()
                .getAnnotations())
        .containsEntry(INJECT, from);
    assertThat(r.all(GenericKubernetesResource.class))
        .filteredOn(o -> o.getKind().equals("Issuer"))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("harbormaster-selfsigned", "harbormaster-ca");
  }

  @Test
  void selfManaged_putsTheUsersCa_intoBothWebhooks_andRendersNoSecret() {
    Rendered r = Overlay.SELF_MANAGED.render();
    String ca = Overlay.SELF_MANAGED_CA.certificatePem();

    var bundles =
        List.of(
            r.one(MutatingWebhookConfiguration.class, "harbormaster")
                .getWebhooks()
                .getFirst()
                .getClientConfig()
                .getCaBundle(),
            r.one(ValidatingWebhookConfiguration.class, "harbormaster")
                .getWebhooks()
                .getFirst()
                .getClientConfig()
                .getCaBundle());

    assertThat(bundles)
        .allSatisfy(
            b ->
                assertThat(new String(Base64.getMimeDecoder().decode(b), StandardCharsets.US_ASCII))
                    .isEqualTo(ca));
    assertThat(r.objects()).noneMatch(o -> o.getKind().equals("Secret"));
    assertThat(r.objects()).noneMatch(o -> o.getApiVersion().startsWith("cert-manager.io/"));
  }

  private static GenericKubernetesResource certificate(Rendered r, String name) {
    return r.all(GenericKubernetesResource.class).stream()
        .filter(o -> o.getKind().equals("Certificate") && o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Certificate " + name));
  }
}
