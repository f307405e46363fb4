package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.Pem;
import dev.harbormaster.testkit.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {
  private static final TestPki PKI = TestPki.create(KeyType.EC_P256);
  @TempDir Path dir;

  @Test
  void readsTheChain_leafFirst() throws Exception {
    Path file = Files.writeString(dir.resolve("tls.crt"), PKI.server().chainPem());

    assertThat(Certificates.read(file, "certificate file"))
        .containsExactly(PKI.server().certificate(), PKI.ca().certificate());
  }

  @Test
  void missingFile_saysSo() {
    Path file = dir.resolve("nope.crt");

    assertThatThrownBy(() -> Certificates.read(file, "certificate file"))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessage(file + ": certificate file does not exist");
  }

  @Test
  void emptyFile_saysSo() throws Exception {
    Path file = Files.createFile(dir.resolve("tls.crt"));

    assertThatThrownBy(() -> Certificates.read(file, "certificate file"))
        .hasMessage(file + ": certificate file is empty");
  }

  @Test
  void fileWithoutCertificate_listsWhatItFound() throws Exception {
    Path file = Files.writeString(dir.resolve("tls.crt"), PKI.server().keyPem(KeyEncoding.PKCS8));

    assertThatThrownBy(() -> Certificates.read(file, "certificate file"))
        .hasMessage(
            file
                + ": certificate file contains no PEM 'CERTIFICATE' block (found ['PRIVATE KEY'])");
  }

  @Test
  void notAnX509Certificate_namesTheLine() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("tls.crt"),
            PKI.ca().certificatePem() + Pem.block("CERTIFICATE", new byte[] {0x30, 0x00}));

    long secondBlockLine = PKI.ca().certificatePem().lines().count() + 1;

    assertThatThrownBy(() -> Certificates.read(file, "certificate file"))
        .hasMessageStartingWith(
            file + ": the CERTIFICATE at line " + secondBlockLine + " is not a valid X.509");
  }
}
