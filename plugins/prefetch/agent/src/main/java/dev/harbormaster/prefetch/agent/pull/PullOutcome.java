package dev.harbormaster.prefetch.agent.pull;

import dev.harbormaster.prefetch.agent.cri.CriFailure;
import java.time.Duration;

/** What one pull attempt of one image came to. */
public sealed interface PullOutcome {

  /**
   * The runtime already had the image: nothing was pulled.
   *
   * @param imageRef the runtime's image id
   * @param size bytes
   */
  record AlreadyPresent(String imageRef, long size) implements PullOutcome {}

  /**
   * The image was pulled.
   *
   * @param imageRef the runtime's image reference
   * @param size bytes (0 when the runtime did not say)
   * @param took how long the PullImage call took
   */
  record Pulled(String imageRef, long size, Duration took) implements PullOutcome {}

  /**
   * The pull failed (with every matching credential, then anonymously, for auth failures).
   *
   * @param failure the last failure, classified
   */
  record Failed(CriFailure failure) implements PullOutcome {}
}
