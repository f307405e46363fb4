package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.pki.IssuedCertificate;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.Pem;
import dev.harbormaster.testkit.pki.SecretVolume;
import dev.harbormaster.testkit.pki.TestCertificateAuthority;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Serves through a real Jetty connector and checks what a java.net.http client sees. */
class TlsServerContextTest {
  private static final TestCertificateAuthority CA =
      TestCertificateAuthority.create("Harbormaster Test CA", KeyType.EC_P256);
  private static final String[] LOOPBACK = TestPki.loopbackNames();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} key as {1}")
  @CsvSource({
    "RSA_2048, PKCS1",
    "RSA_2048, PKCS8",
    "EC_P256, SEC1",
    "EC_P256, PKCS8",
    "ED25519, PKCS8"
  })
  void servesEachKeyFormatCertManagerWrites(KeyType keyType, KeyEncoding encoding)
      throws Exception {
    IssuedCertificate server = CA.issueServer(keyType, LOOPBACK);
    TlsFiles files = TlsFiles.write(dir, server, encoding);

    try (var tls = TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty());
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      TlsTestServer.Answer answer = jetty.get(CA.clientSslContext());

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("ok");
      assertThat(answer.serial()).isEqualTo(server.serial());
      assertThat(tls.servedCertificate().serial()).isEqualTo(server.serial().toString(16));
    }
  }

  @Test
  void acceptsTls12AndTls13_andOffersNothingOlder() throws Exception {
    TlsFiles files =
        TlsFiles.write(dir, CA.issueServer(KeyType.RSA_2048, LOOPBACK), KeyEncoding.PKCS1);

    try (var tls = TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty());
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      assertThat(jetty.get(CA.clientSslContext(), "TLSv1.2").protocol()).isEqualTo("TLSv1.2");
      assertThat(jetty.get(CA.clientSslContext(), "TLSv1.3").protocol()).isEqualTo("TLSv1.3");
      assertThat(tls.sslContextFactory().getSelectedProtocols())
          .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
      assertThat(tls.sslContextFactory().getSelectedCipherSuites())
          .isNotEmpty()
          .allSatisfy(suite -> assertThat(suite).matches(".*(GCM|CHACHA20_POLY1305).*"))
          .noneSatisfy(suite -> assertThat(suite).startsWith("TLS_RSA_"));
    }
  }

  @Test
  void refusesTls11_fromOpenssl() throws Exception {
    OpensslClient.requireInstalled();
    TlsFiles files =
        TlsFiles.write(dir, CA.issueServer(KeyType.RSA_2048, LOOPBACK), KeyEncoding.PKCS1);

    try (var tls = TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty());
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      OpensslClient.Result tls12 = OpensslClient.connect(jetty.port(), files.caFile(), "-tls1_2");
      OpensslClient.Result tls11 = OpensslClient.connect(jetty.port(), files.caFile(), "-tls1_1");

      assertThat(tls12.exitCode()).as(tls12.output()).isZero();
      assertThat(tls12.output()).contains("Protocol version: TLSv1.2");
      assertThat(tls11.exitCode()).as(tls11.output()).isNotZero();
      assertThat(tls11.output()).contains("alert protocol version");
    }
  }

  @Test
  void withClientCaFile_asksForAClientCertificate_andRefusesOnesFromOtherCas() throws Exception {
    IssuedCertificate server = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    TlsFiles files = TlsFiles.write(dir, server, KeyEncoding.SEC1);
    IssuedCertificate trustedClient = CA.issueClient("kube-apiserver", KeyType.EC_P256);
    TestCertificateAuthority otherCa = TestCertificateAuthority.create("Other CA", KeyType.EC_P256);
    IssuedCertificate strangerClient = otherCa.issueClient("stranger", KeyType.EC_P256);

    try (var tls =
            TlsServerContext.open(files.certFile(), files.keyFile(), Optional.of(files.caFile()));
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      TlsTestServer.Answer trusted = jetty.get(CA.clientSslContext(trustedClient));
      assertThat(trusted.status()).isEqualTo(200);
      assertThat(trusted.sentCertificate()).as("the server asked for a certificate").isTrue();
      // Without a certificate the handshake succeeds (probes, scrapes); the review endpoints
      // refuse such requests themselves (TlsServingTest).
      assertThat(jetty.get(CA.clientSslContext()).status())
          .as("no client certificate")
          .isEqualTo(200);
      // A certificate from another CA is never accepted: JSSE either fails the handshake or the
      // client, seeing only our CA in the certificate request, sends none (then the review
      // endpoints answer 403; TlsServingTest covers that end to end).
      assertThat(
              presentedCertificateAccepted(
                  jetty,
                  dev.harbormaster.testkit.pki.ClientSslContexts.trusting(
                      java.util.List.of(CA.certificate()), strangerClient)))
          .as("client certificate from another CA")
          .isFalse();
      assertThat(tls.sslContextFactory().getWantClientAuth()).isTrue();
      assertThat(tls.sslContextFactory().getNeedClientAuth()).isFalse();
    }
  }

  @Test
  void secretUpdate_changesTheServedCertificate_withoutRestart() throws Exception {
    IssuedCertificate first = CA.issueServer(KeyType.RSA_2048, LOOPBACK);
    IssuedCertificate second = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    SecretVolume volume =
        SecretVolume.create(dir.resolve("tls"), first.secretData(KeyEncoding.PKCS1));
    TlsFiles files = volume.tlsFiles();

    try (var tls = TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty());
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      tls.startWatching();
      assertThat(jetty.get(CA.clientSslContext()).serial()).isEqualTo(first.serial());

      volume.update(second.secretData(KeyEncoding.SEC1));

      Eventually.await(
          "the new certificate to be served",
          () -> jetty.get(CA.clientSslContext()).serial(),
          serial -> serial.equals(second.serial()));
      assertThat(tls.servedCertificate().serial()).isEqualTo(second.serial().toString(16));
    }
  }

  @Test
  void invalidOrHalfWrittenUpdate_keepsServingTheOldCertificate() throws Exception {
    IssuedCertificate first = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    IssuedCertificate second = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    IssuedCertificate third = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    SecretVolume volume =
        SecretVolume.create(dir.resolve("tls"), first.secretData(KeyEncoding.SEC1));
    TlsFiles files = volume.tlsFiles();

    try (var tls = TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty());
        var jetty = new TlsTestServer(tls.sslContextFactory())) {
      tls.startWatching();

      Map<String, byte[]> halfWritten = second.secretData(KeyEncoding.SEC1);
      byte[] key = halfWritten.get(TlsFiles.KEY);
      halfWritten.put(TlsFiles.KEY, Arrays.copyOf(key, key.length / 2));
      volume.update(halfWritten);
      awaitAttempts(tls, 1);
      assertThat(jetty.get(CA.clientSslContext()).serial()).isEqualTo(first.serial());

      Map<String, byte[]> mismatched = second.secretData(KeyEncoding.SEC1);
      mismatched.put(
          TlsFiles.KEY, third.keyPem(KeyEncoding.SEC1).getBytes(StandardCharsets.US_ASCII));
      volume.update(mismatched);
      awaitAttempts(tls, 2);
      assertThat(jetty.get(CA.clientSslContext()).serial()).isEqualTo(first.serial());
      assertThat(tls.servedCertificate().serial()).isEqualTo(first.serial().toString(16));

      volume.update(third.secretData(KeyEncoding.SEC1));
      Eventually.await(
          "the repaired files to be served",
          () -> jetty.get(CA.clientSslContext()).serial(),
          serial -> serial.equals(third.serial()));
    }
  }

  @Test
  void open_namesTheMissingFile() {
    Path missing = dir.resolve("tls.crt");

    assertThatThrownBy(
            () -> TlsServerContext.open(missing, dir.resolve("tls.key"), Optional.empty()))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessage(missing + ": certificate file does not exist");
  }

  @Test
  void open_refusesAFileWithoutCertificate() throws Exception {
    TlsFiles files =
        TlsFiles.write(dir, CA.issueServer(KeyType.EC_P256, LOOPBACK), KeyEncoding.SEC1);
    Files.copy(
        files.keyFile(), files.certFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(
            () -> TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty()))
        .hasMessage(
            files.certFile()
                + ": certificate file contains no PEM 'CERTIFICATE' block (found ['EC PRIVATE KEY'])");
  }

  @Test
  void open_refusesAKeyThatDoesNotMatch() throws Exception {
    TlsFiles files =
        TlsFiles.write(dir, CA.issueServer(KeyType.EC_P256, LOOPBACK), KeyEncoding.SEC1);
    Files.writeString(
        files.keyFile(), Pem.privateKey(KeyType.EC_P256.generate(), KeyEncoding.PKCS8));

    assertThatThrownBy(
            () -> TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty()))
        .hasMessageStartingWith(
            files.keyFile()
                + ": the EC private key does not match the certificate in "
                + files.certFile());
  }

  @Test
  void open_refusesAnEncryptedKey() throws Exception {
    IssuedCertificate server = CA.issueServer(KeyType.EC_P256, LOOPBACK);
    TlsFiles files = TlsFiles.write(dir, server, KeyEncoding.SEC1);
    Files.writeString(
        files.keyFile(),
        Pem.encryptedPrivateKey(server.keyPair().getPrivate(), "pw".toCharArray()));

    assertThatThrownBy(
            () -> TlsServerContext.open(files.certFile(), files.keyFile(), Optional.empty()))
        .hasMessageStartingWith(files.keyFile() + ": encrypted keys are not supported, ");
  }

  private static void awaitAttempts(TlsServerContext tls, long attempts) throws Exception {
    Eventually.await("reload attempt " + attempts, tls::reloadAttempts, n -> n >= attempts);
  }

  /** Whether the handshake succeeded with the client's certificate sent (and so accepted). */
  private static boolean presentedCertificateAccepted(
      TlsTestServer jetty, javax.net.ssl.SSLContext client) {
    try {
      return jetty.get(client).sentCertificate();
    } catch (Exception e) {
      return false;
    }
  }
}
