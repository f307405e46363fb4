package dev.harbormaster.prefetch.agent.cri;

import java.util.List;

/**
 * An image the runtime has.
 *
 * @param id the runtime's image id (a digest for containerd)
 * @param repoTags the tags it is known by
 * @param repoDigests the repository digests it is known by
 * @param size its size in bytes as the runtime reports it
 */
public record RuntimeImage(String id, List<String> repoTags, List<String> repoDigests, long size) {
  /** Copies the lists. */
  public RuntimeImage {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
  }
}
