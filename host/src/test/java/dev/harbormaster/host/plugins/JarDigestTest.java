package dev.harbormaster.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestTest {
  @Test
  void printsTheSameHexAsSha256sum(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "abc");

    // sha256("abc") from FIPS 180-2, appendix B.1
    assertThat(JarDigest.sha256(file))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
