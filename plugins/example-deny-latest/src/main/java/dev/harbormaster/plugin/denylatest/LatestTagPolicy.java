package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.plugin.denylatest.ImageTag.Pinning;
import dev.harbormaster.plugin.denylatest.PodContainers.Container;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The handler of one {@code deny-latest} instance: denies (403) a Pod or workload whose containers
 * use an image floating on {@code latest}, naming each offending container and image.
 *
 * <p>On UPDATE only containers that are new or whose image changed are judged, so objects admitted
 * before the policy existed can still be scaled, labelled or debugged (adding an ephemeral
 * container through {@code pods/ephemeralcontainers} is an UPDATE of the Pod). DELETE and CONNECT
 * carry no new object and are allowed. An image that is not a valid reference cannot be judged: it
 * is allowed with a warning naming it (the kubelet will refuse it anyway). The handler is stateless
 * and therefore thread-safe.
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
    List<String> offenders = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Container container : PodContainers.of(kind, review.object().get())) {
      if (before.contains(container) || container.image().isBlank()) {
        continue;
      }
      try {
        Pinning pinning = ImageTag.of(container.image());
        if (pinning == Pinning.IMPLICIT_LATEST || pinning == Pinning.EXPLICIT_LATEST) {
          offenders.add(describe(container, pinning));
        }
      } catch (InvalidReferenceException e) {
        warnings.add(container.describe() + ": " + e.getMessage());
      }
    }
    Decision decision =
        offenders.isEmpty()
            ? Decision.allow()
            : Decision.deny(403, message(kind, review, offenders));
    for (String warning : warnings) {
      decision = decision.withWarning(warning);
    }
    return decision;
  }

  private static String describe(Container container, Pinning pinning) {
    String why = pinning == Pinning.IMPLICIT_LATEST ? "no tag means latest" : "tag latest";
    return container.describe() + " uses image \"" + container.image() + "\" (" + why + ")";
  }

  private String message(String kind, Review review, List<String> offenders) {
    String text =
        kind
            + " "
            + review.displayName()
            + ": "
            + String.join("; ", offenders)
            + ". Pin a version tag (nginx:1.27) or a digest (nginx@sha256:...).";
    return config.message().map(extra -> text + " " + extra).orElse(text);
  }
}
