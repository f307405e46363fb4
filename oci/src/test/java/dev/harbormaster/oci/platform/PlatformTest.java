package dev.harbormaster.oci.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  @ParameterizedTest
  @CsvSource({
    "linux/amd64, linux/amd64",
    "linux/x86_64, linux/amd64",
    "linux/amd64/v1, linux/amd64",
    "linux/amd64/v3, linux/amd64/v3",
    "linux/arm64, linux/arm64",
    "linux/aarch64, linux/arm64",
    "linux/arm64/v8, linux/arm64",
    "linux/arm64/8, linux/arm64",
    "linux/arm, linux/arm/v7",
    "linux/arm/7, linux/arm/v7",
    "linux/arm/v6, linux/arm/v6",
    "linux/armhf, linux/arm/v7",
    "linux/armel, linux/arm/v6",
    "Linux/AMD64, linux/amd64",
    "windows/amd64, windows/amd64",
    "unknown/unknown, unknown/unknown",
  })
  void parsesAndNormalises(String input, String normalised) {
    assertThat(Platform.parse(input).toString()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource({
    "linux/arm64, linux/arm64/v8, true",
    "linux/arm64/v8, linux/arm64, true",
    "linux/amd64, linux/amd64/v3, true",
    "linux/amd64/v3, linux/amd64, false",
    "linux/arm, linux/arm/v7, true",
    "linux/arm, linux/arm/v6, false",
    "linux/arm/v6, linux/arm/v6, true",
    "linux/amd64, linux/arm64, false",
    "linux/amd64, windows/amd64, false",
    "linux/amd64, unknown/unknown, false",
  })
  void matchesIndexEntries(String wanted, String candidate, boolean expected) {
    assertThat(Platform.parse(wanted).matches(Platform.parse(candidate))).isEqualTo(expected);
  }

  @Test
  void recognisesAttestationPlatform() {
    assertThat(Platform.parse("unknown/unknown").isUnknown()).isTrue();
    assertThat(Platform.UNKNOWN.isUnknown()).isTrue();
    assertThat(Platform.parse("linux/amd64").isUnknown()).isFalse();
  }

  @Test
  void rejectsMalformedPlatform() {
    assertThatThrownBy(() -> Platform.parse("linux"))
        .hasMessage(
            "invalid platform \"linux\": expected os/arch or os/arch/variant, e.g. linux/arm64");
    assertThatThrownBy(() -> Platform.parse("linux//v7"))
        .hasMessage("invalid platform \"linux//v7\": os, arch and variant must not be empty");
    assertThatThrownBy(() -> Platform.parse("a/b/c/d"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
