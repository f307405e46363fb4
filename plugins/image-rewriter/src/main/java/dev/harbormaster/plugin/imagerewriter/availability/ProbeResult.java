package dev.harbormaster.plugin.imagerewriter.availability;

/** What a mirror said about one image. */
public sealed interface ProbeResult
    permits ProbeResult.Present, ProbeResult.Missing, ProbeResult.Failed {

  /** The mirror has the manifest (and, for an index, every platform asked for). */
  record Present() implements ProbeResult {}

  /**
   * The mirror answered that it lacks the image, or an index lacks a platform asked for.
   *
   * @param reason what is missing, for the warning
   */
  record Missing(String reason) implements ProbeResult {}

  /**
   * No usable answer: an error, a 429, a refused connection, a timeout. Not cached.
   *
   * @param reason what went wrong, for the warning
   */
  record Failed(String reason) implements ProbeResult {}
}
