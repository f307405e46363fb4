package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.reference.ImageReference;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a rule lays images out below its mirror ({@code notes/image-references.md}, rules 3 and 8).
 *
 * <ul>
 *   <li>{@code nested} (default): the path below the rule's {@code match} prefix. With {@code
 *       match: docker.io} that is the whole Docker Hub path with {@code library/} written out
 *       ({@code nginx} → {@code <mirror>/library/nginx}, as Harbor proxy projects and ECR
 *       pull-through caches need); with {@code match: quay.io/prometheus}, {@code
 *       quay.io/prometheus/node-exporter} → {@code <mirror>/node-exporter}. For a {@code regex}
 *       rule, the whole repository path.
 *   <li>{@code repository}: the whole repository path, whatever the match ({@code
 *       quay.io/prometheus/node-exporter} → {@code <mirror>/prometheus/node-exporter}).
 *   <li>{@code host-in-path}: the source registry, then the whole repository path ({@code
 *       <mirror>/quay.io/prometheus/node-exporter}), for one mirror serving several upstreams. A
 *       port is written as {@code __port} ({@code registry.example:5000} → {@code
 *       registry.example__5000}): {@code :} is illegal in a path and host names never contain
 *       {@code _}, so two upstreams can never share a mirror path.
 * </ul>
 */
public enum MirrorLayout {
  /** The path below the match prefix. */
  NESTED("nested"),
  /** The whole repository path. */
  REPOSITORY("repository"),
  /** The encoded source registry, then the whole repository path. */
  HOST_IN_PATH("host-in-path");

  private final String configName;

  MirrorLayout(String configName) {
    this.configName = configName;
  }

  /** The name used in the config ({@code layout: host-in-path}). */
  public String configName() {
    return configName;
  }

  /**
   * The layout called {@code name} in the config.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static MirrorLayout parse(String name) {
    return Arrays.stream(values())
        .filter(l -> l.configName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "layout '"
                        + name
                        + "' is unknown; use one of "
                        + Arrays.stream(values())
                            .map(MirrorLayout::configName)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * The path of {@code source} below the mirror.
   *
   * @param source the image being rewritten
   * @param belowMatch the repository path below the rule's match prefix (the whole repository for a
   *     regex rule)
   * @throws IllegalArgumentException when the source registry cannot be written into a path (an
   *     IPv6 address)
   */
  public String pathBelowMirror(ImageReference source, String belowMatch) {
    return switch (this) {
      case NESTED -> belowMatch;
      case REPOSITORY -> source.repository();
      case HOST_IN_PATH -> encodeRegistry(source.registry()) + "/" + source.repository();
    };
  }

  /** {@code host[:port]} as one path component: lower case, the port after {@code __}. */
  static String encodeRegistry(String registry) {
    if (registry.startsWith("[")) {
      throw new IllegalArgumentException(
          "registry " + registry + " is an IPv6 address, which cannot be written into a path");
    }
    return registry.toLowerCase(Locale.ROOT).replace(":", "__");
  }
}
