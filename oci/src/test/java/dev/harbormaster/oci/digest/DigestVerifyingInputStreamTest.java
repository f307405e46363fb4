package dev.harbormaster.oci.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestVerifyingInputStreamTest {
  private static final byte[] CONTENT = "hello, registry".getBytes(StandardCharsets.UTF_8);

  @Test
  void passesContentThrough_whenDigestMatches() throws IOException {
    try (InputStream in =
        new DigestVerifyingInputStream(
            new ByteArrayInputStream(CONTENT), Digest.of(CONTENT), "blob")) {
      assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void throwsAtEndOfStream_whenDigestDiffers() {
    Digest other = Digest.of(new byte[] {1});
    InputStream in =
        new DigestVerifyingInputStream(new ByteArrayInputStream(CONTENT), other, "blob x");

    assertThatThrownBy(in::readAllBytes)
        .isInstanceOfSatisfying(
            DigestMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(other);
              assertThat(e.actual()).isEqualTo(Digest.of(CONTENT));
              assertThat(e.getMessage()).startsWith("blob x: content digest sha256:");
            });
  }

  @Test
  void singleByteReads_areHashedToo() throws IOException {
    DigestVerifyingInputStream in =
        new DigestVerifyingInputStream(
            new ByteArrayInputStream(CONTENT), Digest.of(CONTENT), "blob");
    while (in.read() >= 0) {
      // drain
    }
    assertThat(in.bytesRead()).isEqualTo(CONTENT.length);
  }

  @Test
  void resumed_continuesVerificationOverTheRest() throws IOException {
    DigestVerifyingInputStream first =
        new DigestVerifyingInputStream(
            new ByteArrayInputStream(CONTENT, 0, 5), Digest.of(CONTENT), "blob");
    byte[] head = new byte[5];
    assertThat(first.read(head)).isEqualTo(5);

    DigestVerifyingInputStream rest =
        DigestVerifyingInputStream.resumed(
            first, new ByteArrayInputStream(CONTENT, 5, CONTENT.length - 5));

    assertThat(rest.readAllBytes()).hasSize(CONTENT.length - 5);
    assertThat(rest.bytesRead()).isEqualTo(CONTENT.length);
  }

  @Test
  void skip_stillHashesSkippedBytes() {
    InputStream in =
        new DigestVerifyingInputStream(
            new ByteArrayInputStream(CONTENT), Digest.of(new byte[0]), "blob");
    assertThatThrownBy(
            () -> {
              in.skip(3);
              in.readAllBytes();
            })
        .isInstanceOf(DigestMismatchException.class);
  }
}
