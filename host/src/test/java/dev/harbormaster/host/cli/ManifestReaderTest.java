package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
  @Test
  void multiDocumentYaml_isWrappedAsCreateReviews_andListsAreExpanded() throws Exception {
    List<Review> reviews =
        ManifestReader.read(
            "workloads.yaml", new ByteArrayInputStream(Fixtures.bytes("manifests/workloads.yaml")));

    assertThat(reviews).hasSize(2);
    Review deployment = reviews.get(0);
    assertThat(deployment.operation()).isEqualTo(Operation.CREATE);
    assertThat(deployment.dryRun()).as("offline reviews cause no side effects").isTrue();
    assertThat(deployment.kind()).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(deployment.resource().resource()).isEqualTo("deployments");
    assertThat(deployment.displayName()).isEqualTo("shop/api");
    assertThat(reviews.get(1).kind().kind()).isEqualTo("ConfigMap");
    assertThat(reviews.get(0).uid()).isNotEqualTo(reviews.get(1).uid());
  }

  @Test
  void admissionReviewJson_isReadAsIs() throws Exception {
    List<Review> reviews =
        ManifestReader.read(
            "r.json", new ByteArrayInputStream(Fixtures.bytes("reviews/deployment-create.json")));

    assertThat(reviews).singleElement().satisfies(r -> assertThat(r.uid()).isEqualTo("d-0001"));
  }

  @Test
  void unusableDocuments_areNamed() {
    assertThatThrownBy(() -> read("a: [1\n")).hasMessageContaining("in.yaml: not valid YAML");
    assertThatThrownBy(() -> read("- 1\n- 2\n")).hasMessageContaining("in.yaml document 1");
    assertThatThrownBy(() -> read("kind: Pod\n")).hasMessageContaining("needs apiVersion and kind");
    assertThatThrownBy(
            () -> read("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}"))
        .hasMessageContaining("request is missing");
  }

  private static List<Review> read(String text) throws Exception {
    return ManifestReader.read(
        "in.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
