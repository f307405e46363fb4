package dev.harbormaster.plugin.mirrorsync.status;

import java.util.List;
import java.util.Optional;

/**
 * One mirror in the status document, for the last (or running) pass plus copies queued on admission
 * since.
 *
 * @param source the configured source
 * @param target the target repository
 * @param tagsConsidered tags selected by the filters
 * @param tagsInSync tags whose target already had the upstream digest
 * @param tagsQueued tags queued for copying
 * @param tagsPending queued tags not finished yet
 * @param tagsCopied tags copied and verified
 * @param tagsFailed tags that failed for good
 * @param bytesCopied bytes uploaded to the target
 * @param failures the failed tags with reasons (at most 50)
 * @param listingError why the tag list could not be read
 */
public record MirrorStatus(
    String source,
    String target,
    int tagsConsidered,
    int tagsInSync,
    int tagsQueued,
    int tagsPending,
    int tagsCopied,
    int tagsFailed,
    long bytesCopied,
    List<Failure> failures,
    Optional<String> listingError) {

  /**
   * A failed tag.
   *
   * @param tag the tag
   * @param reason short classifier
   * @param message detail
   */
  public record Failure(String tag, String reason, String message) {}
}
