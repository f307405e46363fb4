package dev.harbormaster.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSLContexts for test clients ({@code java.net.http.HttpClient.newBuilder().sslContext(...)}):
 * trust exactly the given CAs and optionally present a client certificate.
 */
public final class ClientSslContexts {
  private static final char[] PASSWORD = "in-memory".toCharArray();

  private ClientSslContexts() {}

  /** Trusts only {@code trustedCas}; presents no client certificate. */
  public static SSLContext trusting(List<X509Certificate> trustedCas) {
    return build(trustedCas, Optional.empty());
  }

  /** Trusts only {@code trustedCas} and presents {@code clientCertificate} (with its chain). */
  public static SSLContext trusting(
      List<X509Certificate> trustedCas, IssuedCertificate clientCertificate) {
    return build(trustedCas, Optional.of(clientCertificate));
  }

  private static SSLContext build(
      List<X509Certificate> trustedCas, Optional<IssuedCertificate> clientCertificate) {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      for (int i = 0; i < trustedCas.size(); i++) {
        trustStore.setCertificateEntry("ca-" + i, trustedCas.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);

      KeyManager[] keyManagers = null;
      if (clientCertificate.isPresent()) {
        IssuedCertificate client = clientCertificate.get();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(
            "client",
            client.keyPair().getPrivate(),
            PASSWORD,
            client.chain().toArray(Certificate[]::new));
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        keyManagers = keys.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a client SSLContext", e);
    }
  }
}
