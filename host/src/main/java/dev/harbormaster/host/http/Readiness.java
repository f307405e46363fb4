package dev.harbormaster.host.http;

/**
 * Whether the host should get traffic: true once plugins have started, false while shutting down.
 */
public final class Readiness {
  private volatile boolean ready;

  /** True when serving. */
  public boolean isReady() {
    return ready;
  }

  /** Marks the host ready (plugins started) or not (shutting down). */
  public void set(boolean value) {
    this.ready = value;
  }
}
