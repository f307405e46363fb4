package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.oci.reference.RepositoryPrefix;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a rule (or an exclusion) matches, always on the normalised name {@code registry/repository}
 * without tag or digest ({@code docker.io/library/nginx}).
 */
public sealed interface ImageMatcher permits ImageMatcher.Prefix, ImageMatcher.Regex {

  /** Whether {@code image}'s normalised name matches. */
  boolean matches(ImageReference image);

  /**
   * The repository path below what matched: below the prefix for {@link Prefix}, the whole
   * repository for {@link Regex}. Call only when {@link #matches} is true.
   */
  String below(ImageReference image);

  /**
   * A registry, or a registry and path prefix, matched at whole path-segment boundaries ({@code
   * quay.io/acme/foo} never matches {@code quay.io/acme/foo-bar}).
   *
   * @param prefix the normalised prefix
   */
  record Prefix(RepositoryPrefix prefix) implements ImageMatcher {
    /**
     * Parses {@code docker.io}, {@code quay.io/prometheus}, {@code registry:5000/team}.
     *
     * @throws IllegalArgumentException naming the value and the problem
     */
    public static Prefix parse(String text) {
      try {
        return new Prefix(RepositoryPrefix.parse(text));
      } catch (InvalidReferenceException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a registry or registry/path prefix: " + e.reason(), e);
      }
    }

    @Override
    public boolean matches(ImageReference image) {
      return prefix.matches(image);
    }

    @Override
    public String below(ImageReference image) {
      return prefix.remainder(image);
    }

    @Override
    public String toString() {
      return prefix.toString();
    }
  }

  /**
   * A regular expression that must match the whole normalised name (it is anchored: {@code
   * docker\.io/bitnami/.*} does not match {@code x.docker.io/bitnami/redis}).
   *
   * @param pattern the compiled expression
   */
  record Regex(Pattern pattern) implements ImageMatcher {
    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException naming the expression and the syntax error
     */
    public static Regex compile(String text) {
      try {
        return new Regex(Pattern.compile(text));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a valid regular expression: " + e.getDescription(), e);
      }
    }

    @Override
    public boolean matches(ImageReference image) {
      return pattern.matcher(image.name()).matches();
    }

    @Override
    public String below(ImageReference image) {
      return image.repository();
    }

    @Override
    public String toString() {
      return "regex:" + pattern.pattern();
    }
  }
}
