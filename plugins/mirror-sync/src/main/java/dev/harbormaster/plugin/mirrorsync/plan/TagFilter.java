package dev.harbormaster.plugin.mirrorsync.plan;

import dev.harbormaster.plugin.mirrorsync.config.TagsConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Applies a mirror's {@link TagsConfig} to listed tags (see there for the rules). */
public final class TagFilter {
  private final TagsConfig config;
  private final List<Pattern> allow;
  private final List<Pattern> deny;
  private final Optional<SemverRange> range;

  /** A filter for {@code config}. */
  public TagFilter(TagsConfig config) {
    this.config = config;
    this.allow = config.allowPatterns();
    this.deny = config.denyPatterns();
    this.range = config.semver().map(SemverRange::parse);
  }

  /** True when the tag list must be fetched (anything but only exact tags is configured). */
  public boolean needsListing() {
    return !config.onlyExact();
  }

  /**
   * The wanted tags: listed tags that pass allow, deny and semver, cut to the {@code latest} N
   * newest, plus every exact tag; in a stable order (exact first, then listed as selected).
   */
  public List<String> select(List<String> listed) {
    LinkedHashSet<String> wanted = new LinkedHashSet<>(config.exact());
    if (needsListing()) {
      List<String> passing = listed.stream().filter(this::passes).toList();
      if (config.latest().isPresent()) {
        passing =
            passing.stream()
                .sorted(
                    Comparator.comparing((String t) -> SemanticVersion.parse(t).orElseThrow())
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(config.latest().get())
                .toList();
      }
      wanted.addAll(passing);
    }
    return new ArrayList<>(wanted);
  }

  /**
   * Whether one tag is wanted without knowing the others (on admission): exact, or passing allow,
   * deny and semver ({@code latest} cannot be judged from one tag and is not applied).
   */
  public boolean accepts(String tag) {
    return config.exact().contains(tag) || (needsListing() && passes(tag));
  }

  private boolean passes(String tag) {
    if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(tag).find())) {
      return false;
    }
    if (deny.stream().anyMatch(p -> p.matcher(tag).find())) {
      return false;
    }
    boolean versioned = range.isPresent() || config.latest().isPresent();
    if (!versioned) {
      return true;
    }
    Optional<SemanticVersion> v = SemanticVersion.parse(tag);
    if (v.isEmpty()) {
      return false;
    }
    if (range.isPresent()) {
      return range.get().contains(v.get());
    }
    return !v.get().isPrerelease(); // latest N: newest releases
  }
}
