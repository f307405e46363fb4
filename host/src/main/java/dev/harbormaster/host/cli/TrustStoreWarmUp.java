package dev.harbormaster.host.cli;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the JDK's default trust store (cacerts) and TLS context on a background thread while the
 * main thread reads the config and loads plugins. A plugin command's HTTP clients (OkHttp, the JDK
 * client) set up TLS when they are built, even for plain-HTTP peers, and the first set-up parses
 * every CA certificate: on a 2-core machine that work overlaps the config parsing instead of
 * following it. The JDK caches the parsed trust store, so the clients' own set-up is then quick. A
 * failure here is ignored: the client that needs TLS reports it.
 */
final class TrustStoreWarmUp {
  private TrustStoreWarmUp() {}

  static void start() {
    Thread.ofPlatform()
        .daemon()
        .name("harbormaster-tls-warm-up")
        .start(
            () -> {
              try {
                TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                SSLContext.getInstance("TLS").init(null, tmf.getTrustManagers(), null);
              } catch (GeneralSecurityException | RuntimeException e) {
                // ignored: see the class comment
              }
            });
  }
}
