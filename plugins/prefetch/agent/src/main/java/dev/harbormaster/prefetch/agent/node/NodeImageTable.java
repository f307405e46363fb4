package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PullPhase;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per image on this node: phase, attempts, reason, image id, size, last transition time, and when
 * it may be offered again. Thread-safe; {@link #version()} changes with every change, so the
 * reporter can skip writes when nothing changed.
 */
final class NodeImageTable {
  private final InstantSource clock;
  private final Map<String, ImageState> states = new ConcurrentHashMap<>();
  private volatile long version;

  NodeImageTable(InstantSource clock) {
    this.clock = clock;
  }

  Optional<ImageState> get(String image) {
    return Optional.ofNullable(states.get(image));
  }

  /** A new image, or a new fingerprint: Pending with no attempts, due now. */
  void reset(String image, String fingerprint) {
    put(image, PullPhase.Pending, 0, "", "", "", 0, fingerprint, clock.instant());
  }

  void pulling(String image) {
    update(image, s -> with(s, PullPhase.Pulling, s.attempts(), "", "", s.nextCheck()));
  }

  void available(String image, String imageRef, long size, Instant nextCheck) {
    update(
        image,
        s ->
            new ImageState(
                report(image, s, PullPhase.Available, s.attempts(), "", "", imageRef, size),
                s.fingerprint(),
                nextCheck));
  }

  void failed(
      String image, PullPhase phase, int attempts, String reason, String message, Instant next) {
    update(image, s -> with(s, phase, attempts, reason, message, next));
  }

  /** Forgets images no intent wants any more. */
  void retain(Collection<String> wanted) {
    if (states.keySet().retainAll(wanted)) {
      version++;
    }
  }

  long version() {
    return version;
  }

  NodeReport report(String nodeName, String runtime) {
    return new NodeReport(
        nodeName, runtime, states.values().stream().map(ImageState::report).toList());
  }

  private ImageState with(
      ImageState s, PullPhase phase, int attempts, String reason, String message, Instant next) {
    NodeImage r = s.report();
    return new ImageState(
        report(r.image(), s, phase, attempts, reason, message, r.imageRef(), r.size()),
        s.fingerprint(),
        next);
  }

  private NodeImage report(
      String image,
      ImageState s,
      PullPhase phase,
      int attempts,
      String reason,
      String message,
      String imageRef,
      long size) {
    String since =
        s.phase() == phase ? s.report().lastTransitionTime() : clock.instant().toString();
    return new NodeImage(image, phase, attempts, reason, message, imageRef, size, since);
  }

  private void put(
      String image,
      PullPhase phase,
      int attempts,
      String reason,
      String message,
      String imageRef,
      long size,
      String fingerprint,
      Instant next) {
    NodeImage r =
        new NodeImage(
            image, phase, attempts, reason, message, imageRef, size, clock.instant().toString());
    states.put(image, new ImageState(r, fingerprint, next));
    version++;
  }

  private synchronized void update(
      String image, java.util.function.UnaryOperator<ImageState> change) {
    states.computeIfPresent(
        image,
        (k, s) -> {
          ImageState n = change.apply(s);
          if (!n.equals(s)) {
            version++;
          }
          return n;
        });
  }
}
