package dev.harbormaster.plugin.imagerewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.ImageReference;
import org.junit.jupiter.api.Test;

class MirrorLayoutTest {

  @Test
  void parsesConfigNames() {
    assertThat(MirrorLayout.parse("host-in-path")).isEqualTo(MirrorLayout.HOST_IN_PATH);
    assertThatThrownBy(() -> MirrorLayout.parse("flat"))
        .hasMessage("layout 'flat' is unknown; use one of nested, repository, host-in-path");
  }

  @Test
  void pathBelowMirror_perLayout() {
    ImageReference ref = ImageReference.parse("quay.io/prometheus/node-exporter:v1");
    assertThat(MirrorLayout.NESTED.pathBelowMirror(ref, "node-exporter"))
        .isEqualTo("node-exporter");
    assertThat(MirrorLayout.REPOSITORY.pathBelowMirror(ref, "node-exporter"))
        .isEqualTo("prometheus/node-exporter");
    assertThat(MirrorLayout.HOST_IN_PATH.pathBelowMirror(ref, "node-exporter"))
        .isEqualTo("quay.io/prometheus/node-exporter");
  }

  @Test
  void encodeRegistry_portAfterDoubleUnderscore_ipv6Refused() {
    assertThat(MirrorLayout.encodeRegistry("registry.example:5000"))
        .isEqualTo("registry.example__5000");
    assertThat(MirrorLayout.encodeRegistry("Registry.Example")).isEqualTo("registry.example");
    assertThatThrownBy(() -> MirrorLayout.encodeRegistry("[2001:db8::1]:5000"))
        .hasMessageContaining("IPv6");
  }
}
