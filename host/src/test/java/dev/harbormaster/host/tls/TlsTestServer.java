package dev.harbormaster.host.tls;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A bare Jetty server on 127.0.0.1 with one TLS connector using the factory under test, answering
 * {@code ok} to everything; and a java.net.http client that reports what the handshake showed.
 */
final class TlsTestServer implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector;

  TlsTestServer(SslContextFactory.Server factory) throws Exception {
    connector = new ServerConnector(server, factory);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            Content.Sink.write(response, true, "ok", callback);
            return true;
          }
        });
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  /** What one HTTPS request saw. */
  record Answer(
      int status, String body, String protocol, X509Certificate leaf, boolean sentCertificate) {
    BigInteger serial() {
      return leaf.getSerialNumber();
    }
  }

  /** One GET over a fresh client (so no TLS session is resumed), with the given protocols. */
  Answer get(SSLContext clientContext, String... protocols) throws Exception {
    SSLParameters parameters = clientContext.getDefaultSSLParameters();
    if (protocols.length > 0) {
      parameters.setProtocols(protocols);
    }
    try (HttpClient client =
        HttpClient.newBuilder()
            .sslContext(clientContext)
            .sslParameters(parameters)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port() + "/"))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      var session = response.sslSession().orElseThrow();
      return new Answer(
          response.statusCode(),
          response.body(),
          session.getProtocol(),
          (X509Certificate) session.getPeerCertificates()[0],
          session.getLocalCertificates() != null);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
