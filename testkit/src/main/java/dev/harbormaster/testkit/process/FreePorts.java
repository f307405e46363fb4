package dev.harbormaster.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allocates free TCP ports on the loopback interface (127.0.0.1) for peers that must be told their
 * port up front (docker-registry, nginx).
 *
 * <p>The port is found by binding port 0 and closing the socket, so another process could take it
 * before the peer binds it; ports already handed out in this JVM are never returned twice, which
 * removes the common race between parallel peers of one test run.
 */
public final class FreePorts {

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** Returns a port that is free on 127.0.0.1 now and was not returned before in this JVM. */
  public static int allocate() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port found after 50 attempts");
  }

  /** The loopback address every peer binds: {@code 127.0.0.1}. */
  public static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a free port on 127.0.0.1", e);
    }
  }
}
