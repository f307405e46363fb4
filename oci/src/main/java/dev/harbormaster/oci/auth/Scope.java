package dev.harbormaster.oci.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A token scope {@code repository:<name>:<actions>}: what a Bearer token grants.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/scope/">token scope
 *     documentation</a>
 * @param type the resource type, normally {@code repository}
 * @param name the repository path
 * @param actions e.g. {@code pull}, {@code push}
 */
public record Scope(String type, String name, Set<String> actions) {

  /** Sorts the actions. */
  public Scope {
    actions = Set.copyOf(new TreeSet<>(actions));
  }

  /** {@code repository:<name>:pull}. */
  public static Scope pull(String repository) {
    return new Scope("repository", repository, Set.of("pull"));
  }

  /** {@code repository:<name>:pull,push}. */
  public static Scope pullPush(String repository) {
    return new Scope("repository", repository, Set.of("pull", "push"));
  }

  /** Parses {@code type:name:action[,action]} (the name may contain {@code :}). */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first < 0 || first == last) {
      throw new IllegalArgumentException("scope \"" + text + "\" is not type:name:actions");
    }
    String actions = text.substring(last + 1);
    return new Scope(
        text.substring(0, first),
        text.substring(first + 1, last),
        actions.isEmpty() ? Set.of() : Set.of(actions.split(",")));
  }

  /** Merges scopes of the same resource into one (pull + push on one repository). */
  public static Set<Scope> merge(Collection<Scope> scopes) {
    Map<String, Scope> byResource = new LinkedHashMap<>();
    for (Scope s : scopes) {
      byResource.merge(
          s.type + ":" + s.name,
          s,
          (a, b) -> {
            Set<String> all = new TreeSet<>(a.actions);
            all.addAll(b.actions);
            return new Scope(a.type, a.name, all);
          });
    }
    return Set.copyOf(byResource.values());
  }

  /** Whether this scope grants everything {@code other} asks for. */
  public boolean covers(Scope other) {
    return type.equals(other.type) && name.equals(other.name) && actions.containsAll(other.actions);
  }

  /** {@code type:name:a,b}, actions sorted. */
  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", new TreeSet<>(actions));
  }
}
