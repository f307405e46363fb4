package dev.harbormaster.plugin.harborproxy.mapping;

import dev.harbormaster.oci.reference.ImageReference;
import java.util.Objects;

/**
 * An image to warm: the Harbor proxy reference and what it was mapped from.
 *
 * @param source the image as the pod names it (normalised)
 * @param harbor the reference on Harbor, {@code <harbor>/<project>/<upstream-repo>[:tag][@digest]}
 * @param project the Harbor proxy project
 */
public record WarmTarget(ImageReference source, ImageReference harbor, String project) {
  /** Rejects nulls. */
  public WarmTarget {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(harbor, "harbor");
    Objects.requireNonNull(project, "project");
  }

  /**
   * The deduplication key: the Harbor reference, by digest alone when it has one (a {@code
   * tag@digest} pull is a pull by digest, so {@code repo:1@sha256:x} and {@code repo@sha256:x} are
   * the same work).
   */
  public String key() {
    return harbor.digest().map(d -> digestKey(harbor, d.toString())).orElse(harbor.full());
  }

  /** The key of {@code name@digest} on Harbor, as {@link #key()} builds it. */
  public static String digestKey(ImageReference harborReference, String digest) {
    return harborReference.name() + "@" + digest;
  }

  /** What the per-host limit counts: the proxy project (each proxies one upstream registry). */
  public String upstreamKey() {
    return harbor.registry() + "/" + project;
  }
}
