package dev.harbormaster.testkit.process;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A probe that tells whether a started peer answers yet; used by {@link
 * PeerProcess#awaitReady(ReadinessCheck, java.time.Duration)}. A probe returns {@code false} (or
 * throws) while the peer is not ready; it is retried until a deadline.
 */
public interface ReadinessCheck {

  /** Whether the peer answers now. Exceptions count as "not ready". */
  boolean ready() throws Exception;

  /** Human-readable description used in timeout messages, e.g. {@code "GET http://..."}. */
  String description();

  /** Ready when an HTTP GET of {@code url} answers with a status below 500 (401 counts). */
  static ReadinessCheck httpGet(URI url) {
    return of(
        "HTTP GET " + url,
        () -> {
          try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
              return connection.getResponseCode() < 500;
            } finally {
              connection.disconnect();
            }
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** Ready when a TCP connection to {@code 127.0.0.1:port} succeeds. */
  static ReadinessCheck tcpPort(int port) {
    return of(
        "TCP connect 127.0.0.1:" + port,
        () -> {
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** Ready when a connection to the unix domain socket at {@code socket} succeeds. */
  static ReadinessCheck unixSocket(Path socket) {
    return of(
        "connect unix socket " + socket,
        () -> {
          try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** Any condition, e.g. "ctr plugins ls shows the CRI plugin ok". */
  static ReadinessCheck of(String description, BooleanSupplier condition) {
    return new ReadinessCheck() {
      @Override
      public boolean ready() {
        return condition.getAsBoolean();
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
