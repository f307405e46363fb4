package dev.harbormaster.plugin.mirrorsync.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A version range as in {@code >=1.25 <2}: comparators separated by spaces must all hold,
 * alternatives separated by {@code ||} are or-ed. Operators: {@code >=}, {@code >}, {@code <=},
 * {@code <}, {@code =} (or none). Partial versions fill with zeros ({@code <2} is {@code <2.0.0}).
 * Prereleases match only a comparator that names a prerelease of the same {@code major.minor.patch}
 * (as npm's semver does), so {@code >=1.25} does not pull {@code 1.26.0-rc1}.
 *
 * @param alternatives or-ed lists of and-ed comparators
 */
public record SemverRange(List<List<Comparator>> alternatives) {

  /**
   * One comparator.
   *
   * @param operator {@code >=}, {@code >}, {@code <=}, {@code <} or {@code =}
   * @param version the version compared with
   */
  public record Comparator(String operator, SemanticVersion version) {
    boolean accepts(SemanticVersion v) {
      int c = v.compareTo(version);
      return switch (operator) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        case "<" -> c < 0;
        default -> c == 0;
      };
    }
  }

  /** Copies the lists. */
  public SemverRange {
    alternatives = alternatives.stream().map(List::copyOf).toList();
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException naming the range and the part that is not a comparator
   */
  public static SemverRange parse(String text) {
    List<List<Comparator>> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|", -1)) {
      List<Comparator> all = new ArrayList<>();
      for (String part : alternative.trim().split("\\s+")) {
        if (part.isEmpty()) {
          continue;
        }
        all.add(comparator(text, part));
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException(
            "tags.semver: '" + text + "' has an empty alternative; e.g. '>=1.25 <2'");
      }
      alternatives.add(all);
    }
    return new SemverRange(alternatives);
  }

  private static Comparator comparator(String text, String part) {
    String op = "=";
    for (String candidate : List.of(">=", "<=", ">", "<", "=")) {
      if (part.startsWith(candidate)) {
        op = candidate;
        part = part.substring(candidate.length());
        break;
      }
    }
    String versionText = part;
    String operator = op;
    return SemanticVersion.parse(versionText)
        .map(v -> new Comparator(operator, v))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "tags.semver: '"
                        + text
                        + "': '"
                        + versionText
                        + "' is not a version; e.g. '>=1.25 <2'"));
  }

  /** Whether {@code version} is in the range. */
  public boolean contains(SemanticVersion version) {
    for (List<Comparator> all : alternatives) {
      if (all.stream().allMatch(c -> c.accepts(version)) && prereleaseAllowed(version, all)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prereleaseAllowed(SemanticVersion v, List<Comparator> all) {
    if (!v.isPrerelease()) {
      return true;
    }
    return all.stream()
        .map(Comparator::version)
        .anyMatch(
            c ->
                c.isPrerelease()
                    && c.major() == v.major()
                    && c.minor() == v.minor()
                    && c.patch() == v.patch());
  }
}
