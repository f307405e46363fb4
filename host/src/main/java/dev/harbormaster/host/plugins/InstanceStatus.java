package dev.harbormaster.host.plugins;

import dev.harbormaster.spi.StatusPublisher;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lifecycle state of one instance and the status document it publishes (served at {@code GET
 * /plugins/{instance}/status}).
 */
public final class InstanceStatus implements StatusPublisher {
  /** Lifecycle of an instance. */
  public enum State {
    /** {@code start} is running. */
    STARTING,
    /** Serving reviews. */
    RUNNING,
    /** {@code stop} is running. */
    STOPPING,
    /** Stopped. */
    STOPPED,
    /** {@code start} or {@code stop} failed. */
    FAILED
  }

  private final AtomicReference<Object> document = new AtomicReference<>();
  private volatile State state = State.STARTING;

  @Override
  public void publish(Object status) {
    document.set(status);
  }

  /** The last published document, if any. */
  public Optional<Object> document() {
    return Optional.ofNullable(document.get());
  }

  /** The current state. */
  public State state() {
    return state;
  }

  void state(State newState) {
    this.state = newState;
  }
}
