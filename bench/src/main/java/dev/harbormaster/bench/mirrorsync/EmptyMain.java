package dev.harbormaster.bench.mirrorsync;

/**
 * A main that does nothing: started with the launcher's one-shot JVM flags, it measures the JVM
 * start-up floor that no command-line run can go below.
 */
public final class EmptyMain {
  private EmptyMain() {}

  /** Entry point; returns at once. */
  public static void main(String[] args) {}
}
