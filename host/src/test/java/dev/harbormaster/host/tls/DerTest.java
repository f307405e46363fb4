package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerTest {
  @Test
  void encode_usesShortAndLongLengthForms() {
    assertThat(HexFormat.of().formatHex(Der.encode(Der.OCTET_STRING, new byte[] {1, 2})))
        .isEqualTo("04020102");
    byte[] longContent = new byte[300];
    byte[] encoded = Der.encode(Der.OCTET_STRING, longContent);
    assertThat(HexFormat.of().formatHex(encoded, 0, 4)).isEqualTo("0482012c");
    assertThat(encoded).hasSize(304);
  }

  @Test
  void read_roundTripsNestedSequences() {
    byte[] inner = Der.encode(Der.INTEGER, new byte[] {5});
    byte[] sequence = Der.encode(Der.SEQUENCE, inner, Der.encode(Der.NULL), new byte[0]);

    Der.Element element = Der.read(sequence);

    assertThat(element.tag()).isEqualTo(Der.SEQUENCE);
    assertThat(element.children()).extracting(Der.Element::tag).containsExactly(0x02, 0x05);
    assertThat(element.children().getFirst().encoded()).isEqualTo(inner);
  }

  @Test
  void read_rejectsTruncatedInput() {
    byte[] sequence = Der.encode(Der.SEQUENCE, new byte[10]);
    byte[] truncated = java.util.Arrays.copyOf(sequence, 8);

    assertThatThrownBy(() -> Der.read(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void read_rejectsTrailingElements() {
    byte[] two = HexFormat.of().parseHex("05000500");

    assertThatThrownBy(() -> Der.read(two)).hasMessageContaining("found 2");
  }

  @Test
  void objectIdentifier_printsDottedForm() {
    assertThat(Der.objectIdentifier(HexFormat.of().parseHex("2a8648ce3d030107")))
        .isEqualTo("1.2.840.10045.3.1.7");
    assertThat(Der.objectIdentifier(HexFormat.of().parseHex("2b6570"))).isEqualTo("1.3.101.112");
  }
}
