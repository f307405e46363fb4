package dev.harbormaster.host.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code match} block of an instance. An empty list matches everything, except {@code
 * subresources}: a request for a subresource (for example {@code pods/ephemeralcontainers}) matches
 * only when its subresource is listed (or {@code *} is), as in Kubernetes webhook rules.
 *
 * @param kinds {@code Kind}, {@code version/Kind} (core group) or {@code group/version/Kind};
 *     {@code *} for any part
 * @param operations CREATE, UPDATE, DELETE, CONNECT or {@code *}
 * @param subresources subresources to see, for example {@code ephemeralcontainers}
 * @param namespaces namespace include/exclude lists
 * @param objectSelector Kubernetes label selector over the object's labels
 */
public record MatchRules(
    List<KindPattern> kinds,
    List<String> operations,
    List<String> subresources,
    NamespaceRules namespaces,
    LabelSelector objectSelector) {

  private static final Set<String> OPERATIONS =
      Set.of("CREATE", "UPDATE", "DELETE", "CONNECT", "*");

  /** Matches every request without a subresource. */
  public static final MatchRules ALL = new MatchRules(null, null, null, null, null);

  /** Validates the operations and fills defaults. */
  public MatchRules {
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    operations =
        operations == null
            ? List.of()
            : operations.stream().map(op -> op.toUpperCase(Locale.ROOT)).toList();
    for (int i = 0; i < operations.size(); i++) {
      if (!OPERATIONS.contains(operations.get(i))) {
        throw new IllegalArgumentException(
            "match.operations["
                + i
                + "]: unknown operation '"
                + operations.get(i)
                + "'; expected one of CREATE, UPDATE, DELETE, CONNECT, *");
      }
    }
    subresources = subresources == null ? List.of() : List.copyOf(subresources);
    namespaces = namespaces == null ? new NamespaceRules(null, null) : namespaces;
    objectSelector = objectSelector == null ? LabelSelector.EVERYTHING : objectSelector;
  }
}
