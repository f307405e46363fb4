package dev.harbormaster.host.pipeline;

import dev.harbormaster.host.config.KindPattern;
import dev.harbormaster.host.config.MatchRules;
import dev.harbormaster.spi.Review;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a review reaches an instance, from the instance's {@code match} rules: kinds,
 * operations, subresources, namespaces and the object selector (over the object's labels, or the
 * old object's on DELETE).
 */
public final class InstanceMatcher {
  private final MatchRules rules;

  /**
   * @param rules the instance's match rules
   */
  public InstanceMatcher(MatchRules rules) {
    this.rules = rules;
  }

  /** True when the instance should see {@code review}. */
  public boolean matches(Review review) {
    return kindMatches(review)
        && operationMatches(review)
        && subresourceMatches(review)
        && rules.namespaces().matches(review.namespace())
        && (rules.objectSelector().isEmpty()
            || rules.objectSelector().matches(labels(review.object().or(review::oldObject))));
  }

  private boolean kindMatches(Review review) {
    if (rules.kinds().isEmpty()) return true;
    for (KindPattern pattern : rules.kinds()) {
      if (pattern.matches(review.kind())) return true;
    }
    return false;
  }

  private boolean operationMatches(Review review) {
    return rules.operations().isEmpty()
        || rules.operations().contains("*")
        || rules.operations().contains(review.operation().name());
  }

  private boolean subresourceMatches(Review review) {
    return review
        .subResource()
        .map(s -> rules.subresources().contains(s) || rules.subresources().contains("*"))
        .orElse(true);
  }

  private static Map<String, String> labels(Optional<ObjectNode> object) {
    if (object.isEmpty()) return Map.of();
    JsonNode labels = object.get().path("metadata").path("labels");
    if (!labels.isObject()) return Map.of();
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      if (e.getValue().isString()) out.put(e.getKey(), e.getValue().stringValue());
    }
    return out;
  }
}
