package dev.harbormaster.deploy;

import dev.harbormaster.host.config.LabelRequirement;
import dev.harbormaster.host.config.LabelSelector;
import java.util.List;

/**
 * Turns a rendered (fabric8) label selector into the host's own {@link LabelSelector}, so that the
 * deploy invariants are evaluated with the code the host uses to match {@code objectSelector}s.
 */
final class HostLabelSelector {
  private HostLabelSelector() {}

  /**
   * The host's selector for {@code selector}.
   *
   * @throws AssertionError when {@code selector} is absent (the caller decides what absent means)
   */
  static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      throw new AssertionError("expected a label selector, found none");
    }
    return new LabelSelector(
        selector.getMatchLabels(),
        selector.getMatchExpressions() == null
            ? List.of()
            : selector.getMatchExpressions().stream()
                .map(e -> new LabelRequirement(e.getKey(), e.getOperator(), e.getValues()))
                .toList());
  }
}
