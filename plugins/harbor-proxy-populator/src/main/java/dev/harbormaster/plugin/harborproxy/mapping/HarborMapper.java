package dev.harbormaster.plugin.harborproxy.mapping;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.plugin.harborproxy.config.ProjectConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps pod images to Harbor proxy references, in both scenarios of {@code
 * notes/harbor-proxy-cache.md}:
 *
 * <ul>
 *   <li>{@code {registry: docker.io, project: dockerhub-proxy}}: {@code nginx:1.25} (normalised to
 *       {@code docker.io/library/nginx:1.25}) becomes {@code
 *       <harbor>/dockerhub-proxy/library/nginx:1.25} ({@code library/} written out: Harbor needs
 *       it);
 *   <li>{@code {registry: <ecr-host>, pathIsProject: true}}: {@code
 *       <ecr-host>/dockerhub-proxy/library/nginx:1.25} becomes {@code
 *       <harbor>/dockerhub-proxy/library/nginx:1.25}.
 * </ul>
 *
 * Tags, digests and {@code tag@digest} are kept as written. Thread-safe and free of I/O.
 */
public final class HarborMapper {
  /** A mapping result: the target, or why there is none. */
  public sealed interface Mapping permits Mapped, NotMapped {}

  /** The image is warmed as {@code target}. */
  public record Mapped(WarmTarget target) implements Mapping {}

  /** The image is not warmed. */
  public record NotMapped(Unmapped why) implements Mapping {}

  private final String harborHost;
  private final Map<String, ProjectConfig> byRegistry = new HashMap<>();

  /**
   * A mapper for Harbor at {@code harborHost} ({@code host[:port]}).
   *
   * @throws IllegalArgumentException when a registry is invalid or mapped twice
   */
  public HarborMapper(String harborHost, List<ProjectConfig> projects) {
    this.harborHost = harborHost;
    for (int i = 0; i < projects.size(); i++) {
      ProjectConfig p = projects.get(i);
      String registry = normaliseRegistry(p.registry(), i);
      if (byRegistry.putIfAbsent(registry, p) != null) {
        throw new IllegalArgumentException(
            "projects[" + i + "].registry: " + registry + " is mapped twice");
      }
    }
  }

  /** The normalised registry name ({@code index.docker.io} becomes {@code docker.io}). */
  static String normaliseRegistry(String registry, int index) {
    try {
      return ImageReference.parse(registry + "/x").registry();
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(
          "projects[" + index + "].registry \"" + registry + "\" is not a registry host[:port]");
    }
  }

  /** Maps an image as written in a pod spec. */
  public Mapping map(String image) {
    ImageReference source;
    try {
      source = ImageReference.parse(image);
    } catch (InvalidReferenceException e) {
      return new NotMapped(new Unmapped("invalid", e.getMessage()));
    }
    return map(source);
  }

  /** Maps a parsed image. */
  public Mapping map(ImageReference source) {
    ProjectConfig p = byRegistry.get(source.registry());
    if (p == null) {
      return new NotMapped(
          new Unmapped(
              "no-project", source + ": registry " + source.registry() + " is not mapped"));
    }
    String project;
    String repository;
    if (p.pathIsProject()) {
      int slash = source.repository().indexOf('/');
      if (slash < 0) {
        return new NotMapped(
            new Unmapped(
                "no-project-segment",
                source + ": pathIsProject needs <registry>/<project>/<repository>"));
      }
      project = source.repository().substring(0, slash);
      repository = source.repository().substring(slash + 1);
      if (repository.indexOf('/') < 0 && Set.copyOf(p.dockerHubProjects()).contains(project)) {
        repository = "library/" + repository;
      }
    } else {
      project = p.project().orElseThrow();
      repository = source.repository(); // docker.io images are already normalised to library/x
    }
    String text =
        harborHost
            + "/"
            + project
            + "/"
            + repository
            + source.tag().map(t -> ":" + t).orElse("")
            + source.digest().map(d -> "@" + d).orElse("");
    try {
      return new Mapped(new WarmTarget(source, ImageReference.parse(text), project));
    } catch (InvalidReferenceException e) {
      return new NotMapped(
          new Unmapped("invalid", source + ": Harbor reference " + e.getMessage()));
    }
  }
}
