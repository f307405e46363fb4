package dev.harbormaster.oci.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that accepts servers trusted by the JDK's default CAs or by the certificates of a
 * PEM bundle (a private registry's CA).
 */
public final class CaBundleTrust implements X509TrustManager {
  private final List<X509TrustManager> delegates;

  private CaBundleTrust(List<X509TrustManager> delegates) {
    this.delegates = delegates;
  }

  /**
   * Trust the JDK's defaults plus every certificate in the PEM file {@code bundle}.
   *
   * @throws IOException naming the file when it cannot be read or holds no certificate
   */
  public static CaBundleTrust withBundle(Path bundle) throws IOException {
    Collection<? extends java.security.cert.Certificate> certs;
    try (InputStream in = Files.newInputStream(bundle)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (CertificateException e) {
      throw new IOException("CA bundle " + bundle + " is not a PEM certificate bundle: " + e, e);
    }
    if (certs.isEmpty()) {
      throw new IOException("CA bundle " + bundle + " contains no certificate");
    }
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (java.security.cert.Certificate c : certs) {
        ks.setCertificateEntry("ca-" + i++, c);
      }
      return new CaBundleTrust(List.of(trustManager(ks), trustManager(null)));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use CA bundle " + bundle + ": " + e, e);
    }
  }

  /** An SSL socket factory that uses this trust manager. */
  public SSLSocketFactory socketFactory() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new javax.net.ssl.TrustManager[] {this}, null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
    TrustManagerFactory f =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(ks);
    return Stream.of(f.getTrustManagers())
        .filter(X509TrustManager.class::isInstance)
        .map(X509TrustManager.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("client certificates are not checked by a registry client");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    List<CertificateException> failures = new ArrayList<>();
    for (X509TrustManager d : delegates) {
      try {
        d.checkServerTrusted(chain, authType);
        return;
      } catch (CertificateException e) {
        failures.add(e);
      }
    }
    CertificateException e = failures.get(0);
    failures.stream().skip(1).forEach(e::addSuppressed);
    throw e;
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegates.stream()
        .flatMap(d -> Stream.of(d.getAcceptedIssuers()))
        .toArray(X509Certificate[]::new);
  }
}
