package dev.harbormaster.host.config;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}), ANDed.
 *
 * @param matchLabels labels that must be present with these values
 * @param matchExpressions further requirements
 * @see <a
 *     href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements">label
 *     selectors</a>
 */
public record LabelSelector(
    Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {

  /** The empty selector, which selects everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(null, null);

  /** Copies the collections. */
  public LabelSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /** True when {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelRequirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** True when this selector has no requirement (lets the matcher skip reading labels). */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }
}
