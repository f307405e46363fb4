package dev.harbormaster.plugin.mirrorsync.config;

import dev.harbormaster.plugin.mirrorsync.plan.SemverRange;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which tags of a source are mirrored. Listed tags pass when they match any {@code allow} regex
 * (when given), no {@code deny} regex, the {@code semver} range (when given); then the {@code
 * latest} N newest by semantic version are kept. {@code exact} tags are always mirrored; when only
 * {@code exact} is given the tag list is not fetched at all.
 *
 * @param allow regexes (searched, not anchored) a tag must match one of
 * @param deny regexes no tag may match
 * @param semver a range such as {@code >=1.25 <2} (space: and, {@code ||}: or)
 * @param latest keep only the N newest tags by semantic version
 * @param exact tags mirrored as named
 */
public record TagsConfig(
    List<String> allow,
    List<String> deny,
    Optional<String> semver,
    Optional<Integer> latest,
    List<String> exact) {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** Applies defaults and validates every regex, range and tag. */
  public TagsConfig {
    allow = allow == null ? List.of() : List.copyOf(allow);
    deny = deny == null ? List.of() : List.copyOf(deny);
    semver = semver == null ? Optional.empty() : semver;
    latest = latest == null ? Optional.empty() : latest;
    exact = exact == null ? List.of() : List.copyOf(exact);
    compile("allow", allow);
    compile("deny", deny);
    semver.ifPresent(SemverRange::parse);
    if (latest.isPresent() && latest.get() < 1) {
      throw new IllegalArgumentException("tags.latest must be at least 1, got " + latest.get());
    }
    for (String t : exact) {
      if (!TAG.matcher(t).matches()) {
        throw new IllegalArgumentException("tags.exact: '" + t + "' is not a valid tag");
      }
    }
  }

  /** Every tag. */
  public static TagsConfig all() {
    return new TagsConfig(null, null, null, null, null);
  }

  /** True when only exact tags are named: no tag listing is needed. */
  public boolean onlyExact() {
    return !exact.isEmpty()
        && allow.isEmpty()
        && deny.isEmpty()
        && semver.isEmpty()
        && latest.isEmpty();
  }

  /** The compiled {@code allow} patterns. */
  public List<Pattern> allowPatterns() {
    return compile("allow", allow);
  }

  /** The compiled {@code deny} patterns. */
  public List<Pattern> denyPatterns() {
    return compile("deny", deny);
  }

  private static List<Pattern> compile(String field, List<String> regexes) {
    return regexes.stream()
        .map(
            r -> {
              try {
                return Pattern.compile(r);
              } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                    "tags." + field + ": '" + r + "' is not a valid regex: " + e.getDescription());
              }
            })
        .toList();
  }
}
