package dev.harbormaster.plugin.harborproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "Harbor" that accepts connections and never answers, counting them: the worst registry for an
 * admission path that must not wait on the network. (No real peer hangs on purpose.)
 */
final class Tarpit implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  Tarpit() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = Thread.ofVirtual().start(this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        held.add(server.accept());
        accepted.incrementAndGet();
      } catch (IOException e) {
        return;
      }
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : held) {
      s.close();
    }
    acceptor.interrupt();
  }
}
