package dev.harbormaster.prefetch.model;

import java.util.List;

/**
 * One image across the nodes reporting it.
 *
 * @param image the normalised reference
 * @param pending nodes where it waits for a pull (or has not been reported yet)
 * @param pulling nodes pulling it now
 * @param available nodes that have it
 * @param failed nodes whose last attempt failed and that will retry
 * @param error nodes that gave up after their attempts
 * @param failingNodes at most {@link #MAX_FAILING_NODES} names of nodes in Failed or Error, sorted
 */
public record ImageSummary(
    String image,
    int pending,
    int pulling,
    int available,
    int failed,
    int error,
    List<String> failingNodes) {
  /** How many failing node names a summary lists at most. */
  public static final int MAX_FAILING_NODES = 5;

  /** Copies the list. */
  public ImageSummary {
    image = image == null ? "" : image;
    failingNodes = failingNodes == null ? List.of() : List.copyOf(failingNodes);
  }
}
