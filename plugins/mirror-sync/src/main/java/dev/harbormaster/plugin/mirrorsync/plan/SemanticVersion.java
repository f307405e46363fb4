package dev.harbormaster.plugin.mirrorsync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tag read as a semantic version, leniently as image tags are written: an optional {@code v}, one
 * to three numeric parts ({@code 1.25} is {@code 1.25.0}), an optional {@code -prerelease} and an
 * ignored {@code +build}. Ordered as in semver 2.0.0 (a prerelease is older than its release).
 *
 * @param major major
 * @param minor minor
 * @param patch patch
 * @param prerelease dot-separated prerelease identifiers (empty for a release)
 * @see <a href="https://semver.org/#spec-item-11">semver 2.0.0 precedence</a>
 */
public record SemanticVersion(long major, long minor, long patch, List<String> prerelease)
    implements Comparable<SemanticVersion> {
  private static final Pattern FORM =
      Pattern.compile(
          "v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  /** Copies the prerelease list. */
  public SemanticVersion {
    prerelease = List.copyOf(prerelease);
  }

  /** The version of {@code tag}, or empty when the tag is not a version. */
  public static Optional<SemanticVersion> parse(String tag) {
    Matcher m = FORM.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    if (pre.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(
        new SemanticVersion(
            Long.parseLong(m.group(1)), number(m.group(2)), number(m.group(3)), pre));
  }

  /** Whether this is a prerelease ({@code 1.26.0-rc1}). */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(SemanticVersion o) {
    int c = Long.compare(major, o.major);
    if (c == 0) c = Long.compare(minor, o.minor);
    if (c == 0) c = Long.compare(patch, o.patch);
    if (c != 0) return c;
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
      c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(prerelease.size(), o.prerelease.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    if (na && nb) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    if (na != nb) {
      return na ? -1 : 1; // numeric identifiers have lower precedence
    }
    return a.compareTo(b);
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(List.of(major + "." + minor + "." + patch));
    return prerelease.isEmpty() ? parts.get(0) : parts.get(0) + "-" + String.join(".", prerelease);
  }
}
