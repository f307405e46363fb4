package dev.harbormaster.spi;

import java.util.Objects;

/**
 * A Kubernetes group, version and kind, as in {@code request.kind}. The core group is the empty
 * string.
 *
 * @param group API group, empty for the core group
 * @param version API version, for example {@code v1}
 * @param kind kind, for example {@code Pod}
 */
public record GroupVersionKind(String group, String version, String kind) {
  /** Validates that no part is null. */
  public GroupVersionKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** Renders {@code group/version/Kind}, or {@code version/Kind} for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? version + "/" + kind : group + "/" + version + "/" + kind;
  }
}
