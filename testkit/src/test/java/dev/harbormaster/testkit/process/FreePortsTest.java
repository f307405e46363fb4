package dev.harbormaster.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void allocate_neverReturnsTheSamePortTwice_andThePortIsBindable() throws Exception {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ports.add(FreePorts.allocate());
    }
    assertThat(ports).hasSize(20);
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", ports.iterator().next()));
      assertThat(socket.isBound()).isTrue();
    }
  }
}
