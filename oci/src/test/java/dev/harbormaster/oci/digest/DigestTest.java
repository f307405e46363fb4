package dev.harbormaster.oci.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {
  private static final String EMPTY_SHA256 =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void of_hashesWithSha256() {
    assertThat(Digest.of(new byte[0]).toString()).isEqualTo(EMPTY_SHA256);
  }

  @Test
  void of_hashesWithSha512() {
    assertThat(Digest.of(DigestAlgorithm.SHA512, "abc".getBytes(StandardCharsets.US_ASCII)).hex())
        .startsWith("ddaf35a193617aba");
  }

  @Test
  void parse_roundTrips() {
    Digest d = Digest.parse(EMPTY_SHA256);
    assertThat(d.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
    assertThat(d.toString()).isEqualTo(EMPTY_SHA256);
    assertThat(d.matches(new byte[0])).isTrue();
    assertThat(d.matches(new byte[1])).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sha256                 | expected <algorithm>:<hex>, e.g. sha256:<64 hex>",
        "sha1:abc               | unsupported algorithm \"sha1\" (supported: sha256, sha512)",
        "sha256:abc             | sha256 needs 64 hex characters, got 3",
        "sha512:abc             | sha512 needs 128 hex characters, got 3",
      })
  void rejectsInvalidDigest(String input, String reason) {
    assertThatThrownBy(() -> Digest.parse(input))
        .isInstanceOf(InvalidDigestException.class)
        .hasMessage("invalid digest \"" + input + "\": " + reason);
  }

  @Test
  void rejectsUpperCaseHex() {
    String upper = "sha256:" + "E3B0" + EMPTY_SHA256.substring(11);
    assertThatThrownBy(() -> Digest.parse(upper))
        .hasMessageEndingWith("character 'E' at position 0 is not lower-case hex");
  }
}
