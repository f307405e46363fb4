package dev.harbormaster.plugin.imagerewriter;

/** What happened to one image (the {@code outcome} metric tag). */
public enum Outcome {
  /** Rewritten to a mirror. */
  REWRITTEN("rewritten"),
  /** Left alone on purpose (the {@code reason} tag says why). */
  SKIPPED("skipped"),
  /** Kept because every mirror asked lacks it. */
  MISSING("missing"),
  /** Kept because an existence check failed. */
  ERROR("error"),
  /** The object was denied because of it ({@code only-mirrored}). */
  DENIED("denied");

  private final String tag;

  Outcome(String tag) {
    this.tag = tag;
  }

  /** The metric tag value. */
  public String tag() {
    return tag;
  }
}
