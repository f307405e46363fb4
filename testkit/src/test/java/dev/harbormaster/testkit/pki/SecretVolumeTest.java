package dev.harbormaster.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVolumeTest {
  @TempDir Path dir;

  @Test
  void create_laysOutFilesLikeTheKubelet() throws Exception {
    SecretVolume volume = SecretVolume.create(dir, payload("one"));

    Path data = dir.resolve("..data");
    assertThat(data).isSymbolicLink();
    assertThat(Files.readSymbolicLink(data).toString()).startsWith("..");
    assertThat(Files.readSymbolicLink(dir.resolve("tls.crt"))).isEqualTo(Path.of("..data/tls.crt"));
    assertThat(volume.tlsFiles().certFile()).hasContent("cert one");
    assertThat(volume.tlsFiles().keyFile()).hasContent("key one");
  }

  @Test
  void update_swapsTheDataLink_andRemovesTheOldPayload() throws Exception {
    SecretVolume volume = SecretVolume.create(dir, payload("one"));
    Path firstTarget = Files.readSymbolicLink(dir.resolve("..data"));

    volume.update(payload("two"));

    assertThat(Files.readSymbolicLink(dir.resolve("..data"))).isNotEqualTo(firstTarget);
    assertThat(volume.file("tls.crt")).hasContent("cert two");
    assertThat(volume.file("tls.key")).hasContent("key two");
    assertThat(dir.resolve(firstTarget)).doesNotExist();
    assertThat(dir.resolve("..data_tmp")).doesNotExist();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .filteredOn(name -> name.startsWith("..") && !name.equals("..data"))
          .hasSize(1);
    }
  }

  @Test
  void update_dropsKeysThatLeftTheSecret() {
    SecretVolume volume = SecretVolume.create(dir, payload("one"));

    volume.update(Map.of("tls.crt", bytes("only cert")));

    assertThat(volume.file("tls.crt")).hasContent("only cert");
    assertThat(volume.file("tls.key")).doesNotExist();
    assertThat(Files.isSymbolicLink(volume.file("tls.key"))).isFalse();
  }

  private static Map<String, byte[]> payload(String version) {
    return Map.of("tls.crt", bytes("cert " + version), "tls.key", bytes("key " + version));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
