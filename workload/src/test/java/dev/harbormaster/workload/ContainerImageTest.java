package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.InvalidReferenceException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;

class ContainerImageTest {

  private static ContainerImage container(String image) {
    return new ContainerImage(
        ContainerKind.INIT,
        0,
        "setup",
        image,
        Fixtures.json("{\"name\":\"setup\",\"restartPolicy\":\"Always\"}"),
        JsonPointer.compile("/spec/initContainers/0"));
  }

  @Test
  void reference_parsesWithTheSharedParser() {
    assertThat(container("nginx:1.27").reference().full())
        .isEqualTo("docker.io/library/nginx:1.27");
  }

  @Test
  void reference_ofMissingImage_isInvalid() {
    assertThatThrownBy(() -> container("").reference())
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageContaining("must not be empty");
  }

  @Test
  void tryReference_isEmptyForInvalidImages() {
    assertThat(container("Nginx").tryReference()).isEmpty();
    assertThat(container("quay.io/a/b:1").tryReference().orElseThrow().registry())
        .isEqualTo("quay.io");
  }

  @Test
  void setImage_keepsOtherFields() {
    ContainerImage c = container("nginx");

    c.setImage("m.local/library/nginx");

    assertThat(c.container())
        .isEqualTo(
            Fixtures.json(
                "{\"name\":\"setup\",\"restartPolicy\":\"Always\",\"image\":\"m.local/library/nginx\"}"));
    assertThat(c.describe()).isEqualTo("initContainer \"setup\"");
  }
}
