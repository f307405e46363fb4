package dev.harbormaster.oci.reference;

import java.util.Objects;

/**
 * A normalised name prefix that matches image references at whole path-segment boundaries: {@code
 * quay.io/acme/foo} matches {@code quay.io/acme/foo} and {@code quay.io/acme/foo/bar}, never {@code
 * quay.io/acme/foo-bar}.
 *
 * <p>Forms: a registry alone ({@code quay.io}, {@code registry:5000}, {@code docker.io}), a
 * registry and a path ({@code quay.io/acme}, {@code docker.io/library}, taken literally), or a
 * familiar Docker Hub name ({@code nginx} means {@code docker.io/library/nginx}, {@code bitnami}
 * alone is therefore {@code docker.io/library/bitnami}: write {@code docker.io/bitnami} for the
 * namespace). Docker Hub aliases are normalised as in {@link ImageReference}.
 */
public final class RepositoryPrefix {
  private final String registry;
  private final String path; // empty for a whole registry

  private RepositoryPrefix(String registry, String path) {
    this.registry = registry;
    this.path = path;
  }

  /**
   * Parses a prefix; a trailing {@code /} is ignored.
   *
   * @throws InvalidReferenceException naming the input and the rule it breaks
   */
  public static RepositoryPrefix parse(String input) {
    Objects.requireNonNull(input, "input");
    String s = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
    if (s.isEmpty()) {
      throw new InvalidReferenceException(input, "prefix must not be empty");
    }
    if (s.indexOf('@') >= 0) {
      throw new InvalidReferenceException(input, "a prefix must not contain a digest");
    }
    int slash = s.indexOf('/');
    int hostEnd = slash < 0 ? s.length() : slash;
    if (ReferenceGrammar.looksLikeHost(s, 0, hostEnd)) {
      String host = s.substring(0, hostEnd);
      String problem = ReferenceGrammar.hostProblem(host);
      if (problem != null) {
        throw new InvalidReferenceException(input, problem);
      }
      String path = slash < 0 ? "" : s.substring(slash + 1);
      if (path.indexOf(':') >= 0) {
        throw new InvalidReferenceException(input, "a prefix must not contain a tag");
      }
      if (!path.isEmpty()) {
        problem = ReferenceGrammar.pathProblem(path);
        if (problem != null) {
          throw new InvalidReferenceException(input, problem);
        }
      }
      return new RepositoryPrefix(DockerHub.normalise(host), path);
    }
    ImageReference ref = ImageReference.parse(s);
    if (!ref.isTagDefaulted()) {
      throw new InvalidReferenceException(input, "a prefix must not contain a tag");
    }
    return new RepositoryPrefix(ref.registry(), ref.repository());
  }

  /** Whether {@code ref}'s normalised name is this prefix or lies below it. */
  public boolean matches(ImageReference ref) {
    if (!ref.registry().equals(registry)) {
      return false;
    }
    String repo = ref.repository();
    return path.isEmpty()
        || repo.equals(path)
        || (repo.length() > path.length()
            && repo.charAt(path.length()) == '/'
            && repo.startsWith(path));
  }

  /** The normalised registry. */
  public String registry() {
    return registry;
  }

  /** The path below the registry; empty when the prefix is a whole registry. */
  public String path() {
    return path;
  }

  /**
   * The repository path left after removing this prefix from {@code ref} (empty when equal).
   *
   * @throws IllegalArgumentException if the prefix does not match
   */
  public String remainder(ImageReference ref) {
    if (!matches(ref)) {
      throw new IllegalArgumentException(ref.name() + " is not below " + this);
    }
    return path.isEmpty()
        ? ref.repository()
        : ref.repository().substring(Math.min(path.length() + 1, ref.repository().length()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepositoryPrefix p && registry.equals(p.registry) && path.equals(p.path);
  }

  @Override
  public int hashCode() {
    return registry.hashCode() * 31 + path.hashCode();
  }

  /** {@code registry[/path]}. */
  @Override
  public String toString() {
    return path.isEmpty() ? registry : registry + "/" + path;
  }
}
