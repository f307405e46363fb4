package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.plugin.denylatest.PodContainers.Container;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The handler of one {@code deny-latest} instance: denies (403) a Pod or workload whose containers
 * use an image floating on {@code latest}, naming each offending container and image.
 *
 * <p>On UPDATE only containers that are new or whose image changed are judged, so objects admitted
 * before the policy existed can still be scaled, labelled or debugged (adding an ephemeral
 * container through {@code pods/ephemeralcontainers} is an UPDATE of the Pod). DELETE and CONNECT
 * carry no new object and are allowed. The handler is stateless and therefore thread-safe.
 */
public final class LatestTagPolicy implements AdmissionHandler {
  private final DenyLatestConfig config;

  /** Creates the handler of one instance. */
  public LatestTagPolicy(DenyLatestConfig config) {
    this.config = config;
  }

  @Override
  public Decision review(Review review) {
    String kind = review.kind().kind();
    boolean judged =
        review.operation() == Operation.CREATE || review.operation() == Operation.UPDATE;
    if (!judged
        || !PodContainers.supports(kind)
        || review.namespace().map(config::exempts).orElse(false)
        || review.object().isEmpty()) {
      return Decision.allow();
    }
    Set<Container> before = new HashSet<>();
    review.oldObject().ifPresent(old -> before.addAll(PodContainers.of(kind, old)));
    List<Container> floating =
        PodContainers.of(kind, review.object().get()).stream()
            .filter(c -> !before.contains(c))
            .filter(c -> !c.image().isBlank() && ImageTag.floatsOnLatest(c.image()))
            .toList();
    return floating.isEmpty()
        ? Decision.allow()
        : Decision.deny(403, message(kind, review, floating));
  }

  private String message(String kind, Review review, List<Container> floating) {
    String offenders =
        floating.stream()
            .map(c -> c.describe() + " uses image \"" + c.image() + "\"" + why(c.image()))
            .collect(Collectors.joining("; "));
    String text =
        kind
            + " "
            + review.displayName()
            + ": "
            + offenders
            + ". Pin a version tag (nginx:1.27) or a digest (nginx@sha256:...).";
    return config.message().map(extra -> text + " " + extra).orElse(text);
  }

  private static String why(String image) {
    return ImageTag.of(image) == ImageTag.Pinning.IMPLICIT_LATEST
        ? " (no tag means latest)"
        : " (tag latest)";
  }
}
