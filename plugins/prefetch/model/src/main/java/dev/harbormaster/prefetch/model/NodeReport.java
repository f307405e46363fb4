package dev.harbormaster.prefetch.model;

import java.util.Comparator;
import java.util.List;

/**
 * What one node's agent reports.
 *
 * @param nodeName the node
 * @param runtime the CRI runtime name and version, e.g. {@code containerd v1.6.20}
 * @param images one entry per wanted image, sorted by image
 */
public record NodeReport(String nodeName, String runtime, List<NodeImage> images) {
  /** Replaces absent values and sorts the images. */
  public NodeReport {
    nodeName = nodeName == null ? "" : nodeName;
    runtime = runtime == null ? "" : runtime;
    images =
        images == null
            ? List.of()
            : images.stream().sorted(Comparator.comparing(NodeImage::image)).toList();
  }

  /** An empty report. */
  public static NodeReport empty() {
    return new NodeReport("", "", List.of());
  }
}
