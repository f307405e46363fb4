package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemReaderTest {
  private static final Path FILE = Path.of("/etc/tls/tls.crt");

  @Test
  void readsBlocks_ignoringTextBetweenThem_andCrlf() {
    String pem =
        "subject=CN=leaf\r\n-----BEGIN CERTIFICATE-----\r\nAQID\r\nBA==\r\n-----END CERTIFICATE-----\r\n"
            + "explanatory text\n-----BEGIN PRIVATE KEY-----\nBQY=\n-----END PRIVATE KEY-----\n";

    List<PemBlock> blocks = read(pem);

    assertThat(blocks).extracting(PemBlock::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
    assertThat(blocks.getFirst().der()).containsExactly(1, 2, 3, 4);
    assertThat(blocks.getFirst().line()).isEqualTo(2);
    assertThat(blocks.get(1).der()).containsExactly(5, 6);
  }

  @Test
  void keepsLegacyEncryptionHeaders() {
    String pem =
        """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF

        AQID
        -----END RSA PRIVATE KEY-----
        """;

    PemBlock block = read(pem).getFirst();

    assertThat(block.isLegacyEncrypted()).isTrue();
    assertThat(block.der()).containsExactly(1, 2, 3);
  }

  @Test
  void blockWithoutEndLine_isReportedAsTruncated() {
    assertThatThrownBy(() -> read("-----BEGIN CERTIFICATE-----\nAQID\nBA"))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessage(
            "/etc/tls/tls.crt: PEM block 'CERTIFICATE' at line 1 has no END line (is the file"
                + " truncated or still being written?)");
  }

  @Test
  void mismatchedEndLabel_isAnError() {
    assertThatThrownBy(() -> read("-----BEGIN CERTIFICATE-----\nAQID\n-----END PRIVATE KEY-----\n"))
        .hasMessageContaining(
            "PEM block 'CERTIFICATE' at line 1 ends with 'PRIVATE KEY' at line 3");
  }

  @Test
  void invalidBase64_namesTheBlockAndLine() {
    assertThatThrownBy(
            () -> read("\n-----BEGIN CERTIFICATE-----\n#not base64#\n-----END CERTIFICATE-----\n"))
        .hasMessageStartingWith(
            "/etc/tls/tls.crt: PEM block 'CERTIFICATE' at line 2 is not valid base64");
  }

  @Test
  void textWithoutBlocks_yieldsNoBlocks() {
    assertThat(read("just some text\n")).isEmpty();
  }

  private static List<PemBlock> read(String text) {
    return PemReader.read(FILE, text.getBytes(StandardCharsets.US_ASCII));
  }
}
