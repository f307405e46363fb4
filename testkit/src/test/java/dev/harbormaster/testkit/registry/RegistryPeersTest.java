package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryPeersTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static RegistryPeer first;

  @Test
  @Order(1)
  void plain_isStartedOnFirstUse_andSharedByTheClass() {
    first = peers.plain();

    assertThat(peers.plain()).isSameAs(first);
    assertThat(first.isRunning()).isTrue();
  }

  @Nested
  class InsideANestedClass {
    @Test
    void theOuterPeersStayUp() {
      assertThat(peers.plain()).isSameAs(first);
    }
  }

  @Test
  @Order(2)
  void peersSurviveNestedClasses() {
    assertThat(first.isRunning()).isTrue();
  }

  @AfterAll
  static void everythingStopsAfterTheClass() throws Exception {
    // JUnit runs this class's @AfterAll before the extension's afterAll; check the state first,
    // then stop explicitly the way the extension does.
    assertThat(first.isRunning()).isTrue();
    peers.closeAll();
    assertThat(first.isRunning()).isFalse();
  }
}
