package dev.harbormaster.testkit.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One resource scope of the registry token protocol, e.g. {@code repository:library/app:pull,push}.
 *
 * @param type resource type, usually {@code repository} or {@code registry}
 * @param name resource name, e.g. {@code library/app} or {@code catalog}
 * @param actions actions, e.g. {@code pull}, {@code push}, {@code delete}, {@code *}
 * @see <a href="https://distribution.github.io/distribution/spec/auth/scope/">Token scope</a>
 */
public record TokenScope(String type, String name, Set<String> actions) {

  /** Copies the actions into a sorted set. */
  public TokenScope {
    actions = Set.copyOf(new TreeSet<>(actions));
  }

  /**
   * Parses {@code type:name:actions}; the name may contain ':' (e.g. a host with a port).
   *
   * @throws IllegalArgumentException naming the value when it has fewer than three parts
   */
  public static TokenScope parse(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first <= 0 || last <= first) {
      throw new IllegalArgumentException(
          "scope must look like type:name:actions, got '" + scope + "'");
    }
    List<String> actions =
        Arrays.stream(scope.substring(last + 1).split(",")).filter(a -> !a.isBlank()).toList();
    return new TokenScope(
        scope.substring(0, first), scope.substring(first + 1, last), new TreeSet<>(actions));
  }

  /** Parses every scope in a query/form value: several may be separated by spaces. */
  static List<TokenScope> parseAll(List<String> values) {
    List<TokenScope> scopes = new ArrayList<>();
    for (String value : values) {
      for (String one : value.trim().split(" +")) {
        if (!one.isEmpty()) {
          scopes.add(parse(one));
        }
      }
    }
    return scopes;
  }

  /** Renders the scope as {@code type:name:a,b}. */
  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", new TreeSet<>(actions));
  }
}
