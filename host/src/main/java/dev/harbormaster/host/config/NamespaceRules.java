package dev.harbormaster.host.config;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code match.namespaces} block.
 *
 * @param include namespaces to see; empty means all (cluster-scoped objects are seen only then)
 * @param exclude namespaces never to see
 */
public record NamespaceRules(Set<String> include, Set<String> exclude) {
  /** Copies the sets. */
  public NamespaceRules {
    include = include == null ? Set.of() : Set.copyOf(include);
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
  }

  /** True when a request in {@code namespace} (empty for cluster-scoped) passes the rules. */
  public boolean matches(Optional<String> namespace) {
    if (namespace.isEmpty()) {
      return include.isEmpty();
    }
    String ns = namespace.get();
    return (include.isEmpty() || include.contains(ns)) && !exclude.contains(ns);
  }
}
