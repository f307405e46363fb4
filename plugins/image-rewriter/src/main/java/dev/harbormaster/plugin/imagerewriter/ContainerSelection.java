package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.ContainerKind;
import dev.harbormaster.workload.PodTemplate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which containers of a request are up for rewriting.
 *
 * <ul>
 *   <li>CREATE: every container, init (native sidecars included) and regular.
 *   <li>UPDATE of {@code pods/ephemeralcontainers}: the ephemeral containers that are new (the API
 *       server keeps only ephemeral-container changes on this subresource).
 *   <li>Any other UPDATE: init and regular containers whose image is new or changed. An unchanged
 *       image is never touched: on a running Pod a new image restarts the container, on a workload
 *       it starts a rollout, and ephemeral containers cannot be changed through the main resource.
 * </ul>
 */
final class ContainerSelection {
  private static final String EPHEMERAL_SUBRESOURCE = "ephemeralcontainers";

  private ContainerSelection() {}

  static List<ContainerImage> select(Review review, PodTemplate template) {
    boolean ephemeral = review.subResource().filter(EPHEMERAL_SUBRESOURCE::equals).isPresent();
    Set<ContainerKind> kinds =
        ephemeral
            ? EnumSet.of(ContainerKind.EPHEMERAL)
            : EnumSet.of(ContainerKind.INIT, ContainerKind.REGULAR);
    List<ContainerImage> containers = template.containers(kinds);
    if (review.operation() != Operation.UPDATE || review.oldObject().isEmpty()) {
      return containers;
    }
    Map<String, String> before = new HashMap<>();
    PodTemplate.find(template.kind(), review.oldObject().get())
        .ifPresent(old -> old.containers(kinds).forEach(c -> before.put(key(c), c.image())));
    return containers.stream().filter(c -> !c.image().equals(before.get(key(c)))).toList();
  }

  private static String key(ContainerImage c) {
    return c.kind() + "/" + c.name();
  }
}
