package dev.harbormaster.testkit.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts registry peers on demand and stops all of them after the test class
 * (when registered on a {@code static} field) or after each test (on an instance field).
 *
 * <pre>{@code
 * class MirrorTest {
 *   @RegisterExtension static final RegistryPeers peers = new RegistryPeers();
 *
 *   @Test
 *   void copiesAnIndex() {
 *     RegistryPeer source = peers.plain();                       // shared in this class
 *     RegistryPeer target = peers.start(RegistryPeer.builder()); // a fresh one
 *     RegistryPeer secured = peers.start(RegistryPeer.builder().htpasswd("u", "p"));
 *     TokenServer tokens = peers.start(TokenServer.builder().user("u", "p"));
 *     HarborFront harbor = peers.start(HarborFront.builder().proxyProject("hub", source));
 *     TestImages.multiPlatform(1).pushWithSkopeo(source, "app:v1");
 *     byte[] raw = peers.skopeo().inspectRaw(target.dockerRef("app:v1"));
 *   }
 * }
 * }</pre>
 *
 * <p>Peers stop in reverse start order (a front before its registries, a registry before its token
 * server). A missing binary fails the test under {@code CI=true} and skips it otherwise.
 */
public final class RegistryPeers implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private Optional<RegistryPeer> plain = Optional.empty();
  private Optional<Class<?>> ownerClass = Optional.empty();

  /** Creates the extension; register it with {@code @RegisterExtension}. */
  public RegistryPeers() {}

  /** A plain registry shared by all tests of the scope, started on first use. */
  public synchronized RegistryPeer plain() {
    if (plain.isEmpty()) {
      plain = Optional.of(start(RegistryPeer.builder()));
    }
    return plain.get();
  }

  /** Starts a registry from {@code builder}; stopped with the scope. */
  public RegistryPeer start(RegistryPeer.Builder builder) {
    return manage(builder.start());
  }

  /** Starts a token server from {@code builder}; stopped with the scope. */
  public TokenServer start(TokenServer.Builder builder) {
    return manage(builder.start());
  }

  /** Starts a Harbor front from {@code builder}; stopped with the scope. */
  public HarborFront start(HarborFront.Builder builder) {
    return manage(builder.start());
  }

  /** Skopeo, located once per call (cheap). */
  public Skopeo skopeo() {
    return Skopeo.locate();
  }

  /** Stops {@code resource} (any peer) with the scope; returns it. */
  public synchronized <T extends AutoCloseable> T manage(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    // @Nested classes see the outer class's static extension too: only the outermost owns it.
    if (ownerClass.isEmpty()) {
      ownerClass = Optional.of(context.getRequiredTestClass());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (ownerClass.isEmpty()) {
      closeAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (ownerClass.equals(Optional.of(context.getRequiredTestClass()))) {
      closeAll();
      synchronized (this) {
        ownerClass = Optional.empty();
      }
    }
  }

  /** Stops every peer now (normally called by JUnit). */
  public synchronized void closeAll() throws Exception {
    List<Exception> failures = new ArrayList<>();
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    plain = Optional.empty();
    if (!failures.isEmpty()) {
      Exception first = failures.getFirst();
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }
}
