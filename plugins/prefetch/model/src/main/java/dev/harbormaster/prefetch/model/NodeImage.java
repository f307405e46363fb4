package dev.harbormaster.prefetch.model;

/**
 * One image on one node.
 *
 * @param image the normalised reference
 * @param phase where it stands
 * @param attempts pull attempts since the spec or its secrets last changed
 * @param reason a short classifier of the last failure ({@code auth}, {@code not-found}, {@code
 *     unavailable}, {@code disk}...), empty when none
 * @param message the runtime's message for the last failure, empty when none
 * @param imageRef the runtime's image id (CRI {@code image_ref}), empty until available
 * @param size the image size in bytes as the runtime reports it, 0 when unknown
 * @param lastTransitionTime RFC 3339 time the phase last changed
 */
public record NodeImage(
    String image,
    PullPhase phase,
    int attempts,
    String reason,
    String message,
    String imageRef,
    long size,
    String lastTransitionTime) {
  /** Replaces absent values by empty ones. */
  public NodeImage {
    image = image == null ? "" : image;
    phase = phase == null ? PullPhase.Pending : phase;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    imageRef = imageRef == null ? "" : imageRef;
    lastTransitionTime = lastTransitionTime == null ? "" : lastTransitionTime;
  }
}
