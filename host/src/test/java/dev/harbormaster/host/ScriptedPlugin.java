package dev.harbormaster.host;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * An in-process test plugin whose instances behave as their config says: {@code allow}, {@code
 * deny}, {@code throw}, {@code block} (wait until the test calls {@link #release()}) or {@code
 * unserializable} (puts a value into the object that JSON cannot write: the host itself fails).
 */
public final class ScriptedPlugin implements AdmissionPlugin<ScriptedPlugin.Config> {
  /**
   * @param behaviour allow, deny, throw, block or unserializable
   */
  public record Config(String behaviour) {
    /** Defaults to allow. */
    public Config {
      behaviour = behaviour == null ? "allow" : behaviour;
      if (!Set.of("allow", "deny", "throw", "block", "unserializable").contains(behaviour)) {
        throw new IllegalArgumentException(
            "behaviour must be allow, deny, throw, block or unserializable");
      }
    }
  }

  /** A value whose JSON form cannot be written: its only property throws. */
  public static final class Unwritable {
    /** Always throws. */
    public String getValue() {
      throw new IllegalStateException("this value cannot be written as JSON");
    }
  }

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Lets blocked handlers finish. */
  public void release() {
    release.countDown();
  }

  /** Waits until a blocking handler has been entered. */
  public void awaitEntered() throws InterruptedException {
    entered.await();
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.MUTATING, Scope.VALIDATING);
  }

  @Override
  public AdmissionHandler start(Config config, PluginContext context) {
    return review ->
        switch (config.behaviour()) {
          case "deny" -> Decision.deny(403, context.instanceName() + " says no");
          case "throw" -> throw new IllegalStateException("scripted failure");
          case "block" -> {
            entered.countDown();
            release.await();
            yield Decision.allow().withWarning(context.instanceName() + " finished");
          }
          case "unserializable" -> {
            review.object().orElseThrow().putPOJO("unwritable", new Unwritable());
            yield Decision.allow();
          }
          default -> Decision.allow();
        };
  }
}
