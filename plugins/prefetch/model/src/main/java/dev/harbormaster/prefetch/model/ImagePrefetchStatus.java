package dev.harbormaster.prefetch.model;

import java.util.List;

/**
 * The node reports aggregated by the plugin: per image how many selected nodes are in each phase.
 *
 * @param nodes how many node reports were considered
 * @param images one summary per image of the spec, in spec order
 */
public record ImagePrefetchStatus(int nodes, List<ImageSummary> images) {
  /** Copies the list. */
  public ImagePrefetchStatus {
    images = images == null ? List.of() : List.copyOf(images);
  }
}
