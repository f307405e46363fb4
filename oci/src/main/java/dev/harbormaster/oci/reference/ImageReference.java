package dev.harbormaster.oci.reference;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.digest.InvalidDigestException;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed and normalised image reference {@code [host[:port]/]path[:tag][@digest]}, immutable.
 *
 * <p>Normalisation (see {@code notes/image-references.md}): no host means Docker Hub; {@code
 * docker.io}, {@code index.docker.io} and {@code registry-1.docker.io} all become {@code
 * docker.io}; {@code library/} is added to single-segment Docker Hub paths only; no tag and no
 * digest means tag {@code latest}. Two references that name the same image are {@link #equals
 * equal}, whatever form they were written in.
 *
 * <p>{@link #full()} (also {@link #toString()}) renders {@code docker.io/library/nginx:latest};
 * {@link #familiar()} renders the shortest equivalent form, {@code nginx}.
 *
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">reference
 *     grammar</a>
 */
public final class ImageReference {
  /** The normalised name of Docker Hub. */
  public static final String DOCKER_HUB = "docker.io";

  /** The host that serves Docker Hub's registry API. */
  public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

  private static final String DEFAULT_TAG = "latest";

  /** name (255) + ':' + tag (128) + '@' + sha512 digest (135): nothing longer can be valid. */
  private static final int MAX_REFERENCE_LENGTH = 520;

  private final String registry;
  private final String repository;
  private final String tag; // null when only a digest was given
  private final Digest digest; // may be null
  private final boolean tagDefaulted;

  private ImageReference(
      String registry, String repository, String tag, Digest digest, boolean tagDefaulted) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
    this.tagDefaulted = tagDefaulted;
  }

  /**
   * Parses and normalises a reference as written in a pod spec.
   *
   * @throws InvalidReferenceException naming the input and the rule it breaks
   */
  public static ImageReference parse(String input) {
    Objects.requireNonNull(input, "input");
    if (input.isEmpty()) {
      throw new InvalidReferenceException(input, "must not be empty");
    }
    if (input.length() > MAX_REFERENCE_LENGTH) {
      throw new InvalidReferenceException(
          input.substring(0, 64) + "...",
          "is " + input.length() + " characters long; no valid reference exceeds 520");
    }
    for (int i = 0; i < input.length(); i++) {
      if (Character.isWhitespace(input.charAt(i)) || Character.isISOControl(input.charAt(i))) {
        throw new InvalidReferenceException(
            input, "must not contain whitespace or control characters");
      }
    }
    String rest = input;
    Digest digest = null;
    int at = input.indexOf('@');
    if (at >= 0) {
      digest = parseDigest(input, input.substring(at + 1));
      rest = input.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      String problem = ReferenceGrammar.tagProblem(tag);
      if (problem != null) {
        throw new InvalidReferenceException(input, problem);
      }
      rest = rest.substring(0, colon);
    }
    boolean tagDefaulted = tag == null && digest == null;
    return fromName(input, rest, tagDefaulted ? DEFAULT_TAG : tag, digest, tagDefaulted);
  }

  /** {@link #parse} that reports invalid input as an empty result instead of an exception. */
  public static Optional<ImageReference> tryParse(String input) {
    try {
      return Optional.of(parse(input));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }

  private static Digest parseDigest(String input, String text) {
    if (text.isEmpty()) {
      throw new InvalidReferenceException(input, "digest after '@' must not be empty");
    }
    try {
      return Digest.parse(text);
    } catch (InvalidDigestException e) {
      throw new InvalidReferenceException(input, "digest \"" + text + "\": " + e.reason());
    }
  }

  private static ImageReference fromName(
      String input, String name, String tag, Digest digest, boolean tagDefaulted) {
    if (name.isEmpty()) {
      throw new InvalidReferenceException(input, "repository name must not be empty");
    }
    int slash = name.indexOf('/');
    String host = null;
    String path = name;
    if (slash > 0 && ReferenceGrammar.looksLikeHost(name, 0, slash)) {
      host = name.substring(0, slash);
      path = name.substring(slash + 1);
      String problem = ReferenceGrammar.hostProblem(host);
      if (problem != null) {
        throw new InvalidReferenceException(input, problem);
      }
    }
    String problem = ReferenceGrammar.pathProblem(path);
    if (problem != null) {
      throw new InvalidReferenceException(input, problem);
    }
    String registry = host == null ? DOCKER_HUB : DockerHub.normalise(host);
    if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
      path = "library/" + path;
    }
    int length = registry.length() + 1 + path.length();
    if (length > ReferenceGrammar.NAME_MAX_LENGTH) {
      throw new InvalidReferenceException(
          input,
          "name \""
              + registry
              + "/"
              + path
              + "\" is "
              + length
              + " characters long; the limit is 255");
    }
    return new ImageReference(registry, path, tag, digest, tagDefaulted);
  }

  /** The normalised registry, {@code host[:port]}: {@code docker.io}, {@code quay.io}... */
  public String registry() {
    return registry;
  }

  /** The repository path within the registry, e.g. {@code library/nginx}. */
  public String repository() {
    return repository;
  }

  /** The repository this image lives in. */
  public RepositoryName repositoryName() {
    return new RepositoryName(registry, repository);
  }

  /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The tag: as written, or {@code latest} when neither tag nor digest was written. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** Whether the tag is the implicit {@code latest} (nothing was written after the name). */
  public boolean isTagDefaulted() {
    return tagDefaulted;
  }

  /** The digest, if one was written. */
  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /**
   * What to ask a registry for in {@code /v2/<name>/manifests/<reference>}: the digest when there
   * is one (runtimes pull {@code tag@digest} by the digest), otherwise the tag.
   */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /** Whether this is a Docker Hub image. */
  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /** The host[:port] that serves the registry API: {@code registry-1.docker.io} for Docker Hub. */
  public String apiEndpointHost() {
    return isDockerHub() ? DOCKER_HUB_API_HOST : registry;
  }

  /** Whether the registry is on this machine: {@code localhost}, {@code 127.*}, {@code [::1]}. */
  public boolean isLoopback() {
    return LoopbackHosts.isLoopback(registry);
  }

  /**
   * Whether this names an image in the {@code localhost/} namespace, which CRI-O and Podman use for
   * local images that no registry serves.
   */
  public boolean isLocal() {
    return registry.equals("localhost");
  }

  /** The full normalised form: {@code docker.io/library/nginx:latest}. */
  public String full() {
    return render(name(), false);
  }

  /**
   * The shortest equivalent form, as {@code docker} prints it: {@code nginx}, {@code
   * bitnami/redis:7}, {@code quay.io/acme/app@sha256:...}. The implicit {@code latest} is left out.
   */
  public String familiar() {
    return render(familiarName(), true);
  }

  /** The name without tag or digest in familiar form: {@code nginx}, {@code quay.io/acme/app}. */
  public String familiarName() {
    if (!isDockerHub()) {
      return name();
    }
    if (repository.startsWith("library/") && repository.indexOf('/', 8) < 0) {
      return repository.substring(8);
    }
    return repository;
  }

  private String render(String name, boolean omitDefaultedTag) {
    StringBuilder b = new StringBuilder(name.length() + 80).append(name);
    if (tag != null && !(tagDefaulted && omitDefaultedTag)) {
      b.append(':').append(tag);
    }
    if (digest != null) {
      b.append('@').append(digest);
    }
    return b.toString();
  }

  /** This image with another tag (the digest, if any, is kept). */
  public ImageReference withTag(String newTag) {
    String problem = ReferenceGrammar.tagProblem(newTag);
    if (problem != null) {
      throw new InvalidReferenceException(name() + ":" + newTag, problem);
    }
    return new ImageReference(registry, repository, newTag, digest, false);
  }

  /** This image pinned to {@code newDigest} (the tag, if any, is kept). */
  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(registry, repository, tagDefaulted ? null : tag, newDigest, false);
  }

  /**
   * The same tag and digest under another name, e.g. a mirror's. The name is parsed like a
   * reference name (so the 255-character limit is checked again after a prefix was added).
   */
  public ImageReference withName(String newName) {
    return fromName(newName, newName, tag, digest, tagDefaulted);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageReference r
        && registry.equals(r.registry)
        && repository.equals(r.repository)
        && Objects.equals(tag, r.tag)
        && Objects.equals(digest, r.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, repository, tag, digest);
  }

  /** {@link #full()}. */
  @Override
  public String toString() {
    return full();
  }
}
