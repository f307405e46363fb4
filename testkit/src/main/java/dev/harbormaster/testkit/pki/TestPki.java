package dev.harbormaster.testkit.pki;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The usual test setup in one object: a CA, a server certificate for {@code localhost}, {@code
 * 127.0.0.1} and {@code ::1}, and client SSLContexts trusting the CA.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(KeyType.EC_P256);
 * TlsFiles files = TlsFiles.write(dir, pki.server(), KeyEncoding.SEC1);
 * HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
 * }</pre>
 */
public final class TestPki {
  private final TestCertificateAuthority ca;
  private final IssuedCertificate server;

  private TestPki(TestCertificateAuthority ca, IssuedCertificate server) {
    this.ca = ca;
    this.server = server;
  }

  /** A new CA and loopback server certificate, both with keys of {@code keyType}. */
  public static TestPki create(KeyType keyType) {
    TestCertificateAuthority ca = TestCertificateAuthority.create("Harbormaster Test CA", keyType);
    return new TestPki(ca, ca.issueServer(keyType, loopbackNames()));
  }

  /** The SANs of a loopback server certificate: localhost, 127.0.0.1 and ::1. */
  public static String[] loopbackNames() {
    return new String[] {"localhost", "127.0.0.1", "::1"};
  }

  /** The CA. */
  public TestCertificateAuthority ca() {
    return ca;
  }

  /** The loopback server certificate. */
  public IssuedCertificate server() {
    return server;
  }

  /** A fresh client certificate signed by the CA. */
  public IssuedCertificate client(String commonName) {
    return ca.issueClient(commonName, KeyType.EC_P256);
  }

  /** Writes tls.crt, tls.key and ca.crt of the server certificate as plain files into dir. */
  public TlsFiles writeServerFiles(Path dir, KeyEncoding encoding) {
    return TlsFiles.write(dir, server, encoding);
  }

  /** An SSLContext trusting the CA, presenting no client certificate. */
  public SSLContext clientSslContext() {
    return ca.clientSslContext();
  }

  /** An SSLContext trusting the CA and presenting {@code clientCertificate}. */
  public SSLContext clientSslContext(IssuedCertificate clientCertificate) {
    return ca.clientSslContext(clientCertificate);
  }
}
