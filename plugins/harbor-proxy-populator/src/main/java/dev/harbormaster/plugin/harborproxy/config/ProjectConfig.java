package dev.harbormaster.plugin.harborproxy.config;

import java.util.List;
import java.util.Optional;

/**
 * One mapping from the registry pods name to a Harbor proxy project (see {@code
 * notes/harbor-proxy-cache.md} for the two scenarios).
 *
 * <ul>
 *   <li>{@code registry} + {@code project}: pods name the upstream ({@code
 *       docker.io/library/nginx}); it is warmed as {@code <harbor>/<project>/library/nginx}.
 *   <li>{@code registry} + {@code pathIsProject: true}: pods name {@code
 *       <registry>/<project>/<upstream-repo>} (e.g. an application registry that Harbor replicates
 *       into); it is warmed as {@code <harbor>/<project>/<upstream-repo>}.
 * </ul>
 *
 * @param registry the registry as pods write it ({@code docker.io}, {@code quay.io}, {@code
 *     host:port}); Docker Hub aliases are normalised
 * @param project the Harbor proxy project of this registry
 * @param pathIsProject the first path segment names the project
 * @param dockerHubProjects with {@code pathIsProject}: projects that proxy Docker Hub, whose
 *     single-segment repositories get {@code library/} written out
 */
public record ProjectConfig(
    String registry,
    Optional<String> project,
    Boolean pathIsProject,
    List<String> dockerHubProjects) {

  /** Requires a registry and exactly one of {@code project} and {@code pathIsProject: true}. */
  public ProjectConfig {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("registry is required, e.g. docker.io");
    }
    project = project == null ? Optional.empty() : project;
    pathIsProject = pathIsProject != null && pathIsProject;
    dockerHubProjects = dockerHubProjects == null ? List.of() : List.copyOf(dockerHubProjects);
    if (project.isPresent() == pathIsProject) {
      throw new IllegalArgumentException(
          "registry "
              + registry
              + ": give either project: <harbor-project> or pathIsProject: true (exactly one)");
    }
    if (!pathIsProject && !dockerHubProjects.isEmpty()) {
      throw new IllegalArgumentException(
          "registry " + registry + ": dockerHubProjects only applies with pathIsProject: true");
    }
    project.ifPresent(ProjectConfig::checkProject);
    dockerHubProjects.forEach(ProjectConfig::checkProject);
  }

  private static void checkProject(String name) {
    if (!name.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "project \""
              + name
              + "\" is not a valid Harbor project name (lower-case letters, digits, . _ -)");
    }
  }
}
