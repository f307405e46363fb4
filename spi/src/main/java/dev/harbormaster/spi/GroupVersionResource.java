package dev.harbormaster.spi;

import java.util.Objects;

/**
 * A Kubernetes group, version and resource, as in {@code request.resource}.
 *
 * @param group API group, empty for the core group
 * @param version API version
 * @param resource plural resource name, for example {@code pods}
 */
public record GroupVersionResource(String group, String version, String resource) {
  /** Validates that no part is null. */
  public GroupVersionResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public String toString() {
    return group.isEmpty() ? version + "/" + resource : group + "/" + version + "/" + resource;
  }
}
