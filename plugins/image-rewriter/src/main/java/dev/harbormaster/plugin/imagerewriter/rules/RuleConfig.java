package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.RepositoryPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code config.rules}, as written. The compact constructor checks every value, so a
 * bad rule fails start-up (and {@code harbormaster check}) with its JSON path and the value.
 *
 * <pre>{@code
 * - name: dockerhub                          # optional; default rules[i]
 *   match: docker.io                         # registry or registry/path prefix, or:
 *   # regex: 'docker\.io/bitnami/.*'         # anchored, on the normalised name
 *   exclude: [docker.io/library/busybox]     # prefixes left alone
 *   excludeRegex: ['.*-debug']               # anchored regexes left alone
 *   mirror: harbor.example.com/dockerhub-proxy
 *   layout: nested                           # nested | repository | host-in-path
 *   checkAvailability: true                  # HEAD the rewritten manifest first
 *   platforms: [linux/amd64, linux/arm64]    # an index on the mirror must list these
 * }</pre>
 *
 * @param name the rule's name
 * @param match a registry ({@code docker.io}) or registry/path prefix ({@code quay.io/prometheus})
 * @param regex instead of {@code match}: a regular expression matching the whole normalised name
 * @param exclude prefixes this rule leaves alone
 * @param excludeRegex regular expressions (anchored) this rule leaves alone
 * @param mirror the mirror registry and path, e.g. {@code harbor.example.com/dockerhub-proxy}
 * @param layout {@code nested} (default), {@code repository} or {@code host-in-path}
 * @param checkAvailability whether to check the mirror has the manifest before rewriting
 * @param platforms {@code os/arch[/variant]}s an index on the mirror must list
 */
public record RuleConfig(
    Optional<String> name,
    Optional<String> match,
    Optional<String> regex,
    List<String> exclude,
    List<String> excludeRegex,
    String mirror,
    Optional<String> layout,
    Boolean checkAvailability,
    List<String> platforms) {

  /** Fills defaults and checks every value (messages name the field and the value). */
  public RuleConfig {
    name = name == null ? Optional.empty() : name.filter(n -> !n.isBlank());
    match = match == null ? Optional.empty() : match;
    regex = regex == null ? Optional.empty() : regex;
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    excludeRegex = excludeRegex == null ? List.of() : List.copyOf(excludeRegex);
    layout = layout == null ? Optional.empty() : layout;
    checkAvailability = checkAvailability != null && checkAvailability;
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
    if (match.isPresent() == regex.isPresent()) {
      throw new IllegalArgumentException(
          "a rule needs exactly one of 'match' (a registry or registry/path prefix, e.g."
              + " docker.io) and 'regex' (matching the whole normalised name)");
    }
    if (!platforms.isEmpty() && !checkAvailability) {
      throw new IllegalArgumentException(
          "'platforms' " + platforms + " is only checked with 'checkAvailability: true'");
    }
    compile(0, name, match, regex, exclude, excludeRegex, mirror, layout, true, platforms);
  }

  /** The compiled rule at position {@code index} of {@code rules}. */
  public Rule toRule(int index) {
    return compile(
        index,
        name,
        match,
        regex,
        exclude,
        excludeRegex,
        mirror,
        layout,
        checkAvailability,
        platforms);
  }

  private static Rule compile(
      int index,
      Optional<String> name,
      Optional<String> match,
      Optional<String> regex,
      List<String> exclude,
      List<String> excludeRegex,
      String mirror,
      Optional<String> layout,
      boolean checkAvailability,
      List<String> platforms) {
    ImageMatcher matcher =
        match
            .<ImageMatcher>map(m -> field("match", () -> ImageMatcher.Prefix.parse(m)))
            .orElseGet(() -> field("regex", () -> ImageMatcher.Regex.compile(regex.orElseThrow())));
    List<ImageMatcher> excludes = new ArrayList<>();
    for (int i = 0; i < exclude.size(); i++) {
      String e = exclude.get(i);
      excludes.add(field("exclude[" + i + "]", () -> ImageMatcher.Prefix.parse(e)));
    }
    for (int i = 0; i < excludeRegex.size(); i++) {
      String e = excludeRegex.get(i);
      excludes.add(field("excludeRegex[" + i + "]", () -> ImageMatcher.Regex.compile(e)));
    }
    List<Platform> wanted = new ArrayList<>();
    for (int i = 0; i < platforms.size(); i++) {
      String p = platforms.get(i);
      wanted.add(field("platforms[" + i + "]", () -> Platform.parse(p)));
    }
    return new Rule(
        name.orElse("rules[" + index + "]"),
        matcher,
        excludes,
        field("mirror", () -> parseMirror(mirror)),
        field("layout", () -> layout.map(MirrorLayout::parse).orElse(MirrorLayout.NESTED)),
        checkAvailability,
        wanted);
  }

  private static RepositoryPrefix parseMirror(String mirror) {
    if (mirror == null || mirror.isBlank()) {
      throw new IllegalArgumentException("is required, e.g. harbor.example.com/dockerhub-proxy");
    }
    String host = mirror.contains("/") ? mirror.substring(0, mirror.indexOf('/')) : mirror;
    if (!host.contains(".") && !host.contains(":") && !host.equals("localhost")) {
      throw new IllegalArgumentException(
          "'"
              + mirror
              + "' must start with a registry host (with '.' or ':', or localhost), e.g."
              + " harbor.example.com/dockerhub-proxy");
    }
    return ImageMatcher.Prefix.parse(mirror).prefix();
  }

  private static <T> T field(String field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }
}
