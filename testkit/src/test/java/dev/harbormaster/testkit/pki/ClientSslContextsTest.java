package dev.harbormaster.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** Handshakes against a JDK SSLServerSocket on loopback. */
class ClientSslContextsTest {
  private static final TestPki PKI = TestPki.create(KeyType.EC_P256);

  @Test
  void trusting_acceptsAServerCertificateIssuedByTheCa() throws Exception {
    X509Certificate[] peer = handshake(PKI.clientSslContext());

    assertThat(peer[0]).isEqualTo(PKI.server().certificate());
  }

  @Test
  void trusting_rejectsAServerFromAnotherCa() {
    SSLContext otherCa = TestPki.create(KeyType.EC_P256).clientSslContext();

    assertThatThrownBy(() -> handshake(otherCa)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void withClientCertificate_presentsItWhenTheServerAsks() throws Exception {
    IssuedCertificate client = PKI.client("tester");

    X509Certificate clientSeen = serverSeenClient(PKI.clientSslContext(client));

    assertThat(clientSeen).isEqualTo(client.certificate());
  }

  private static X509Certificate[] handshake(SSLContext clientContext) throws Exception {
    try (SSLServerSocket server = serverSocket(false)) {
      var accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                  socket.startHandshake();
                } catch (Exception ignored) {
                  // the client side reports the outcome
                }
              });
      try (SSLSocket socket =
          (SSLSocket)
              clientContext
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.startHandshake();
        return (X509Certificate[]) socket.getSession().getPeerCertificates();
      } finally {
        accepted.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static X509Certificate serverSeenClient(SSLContext clientContext) throws Exception {
    try (SSLServerSocket server = serverSocket(true)) {
      var seen =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                  socket.startHandshake();
                  return (X509Certificate) socket.getSession().getPeerCertificates()[0];
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (SSLSocket socket =
          (SSLSocket)
              clientContext
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.startHandshake();
        socket.getInputStream().read(); // let the server finish reading the client's Finished
      } catch (java.io.IOException closedByServer) {
        // the server closes after the handshake
      }
      return seen.get(30, TimeUnit.SECONDS);
    }
  }

  private static SSLServerSocket serverSocket(boolean needClientAuth) throws Exception {
    char[] password = "pw".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server",
        PKI.server().keyPair().getPrivate(),
        password,
        PKI.server().chain().toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(keys, password);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PKI.ca().certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    SSLServerSocket socket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(needClientAuth);
    return socket;
  }
}
