package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.prefetch.model.WorkloadOwner;
import java.util.List;
import java.util.Map;

/**
 * What admission hands to the background writer for one workload: everything needed to write its
 * ImagePrefetch, taken from the object so that the writer needs no copy of the review.
 *
 * @param name the ImagePrefetch name (stable per workload, so repeated admissions overwrite)
 * @param images normalised references, no duplicates
 * @param nodeSelector the template's node selector, or the instance's
 * @param pullSecrets the pod's {@code imagePullSecrets} names (in the workload's namespace)
 * @param serviceAccount the pod's service account, whose pull secrets are copied too
 * @param runtimeClassName the pod's runtime class, empty for none
 * @param owner the workload
 */
record PrefetchRequest(
    String name,
    List<String> images,
    Map<String, String> nodeSelector,
    List<String> pullSecrets,
    String serviceAccount,
    String runtimeClassName,
    WorkloadOwner owner) {
  PrefetchRequest {
    images = List.copyOf(images);
    nodeSelector = Map.copyOf(nodeSelector);
    pullSecrets = List.copyOf(pullSecrets);
  }
}
