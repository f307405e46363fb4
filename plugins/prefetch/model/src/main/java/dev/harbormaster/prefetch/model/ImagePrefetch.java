package dev.harbormaster.prefetch.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The intent to have a workload's images pulled on the nodes its pods may run on. One per workload,
 * in Harbormaster's namespace, written by the prefetch plugin with server-side apply (idempotent
 * across host replicas); node agents watch these and pull what matches their node.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/">Custom
 *     resources</a>
 */
@Group(ImagePrefetch.GROUP)
@Version(ImagePrefetch.VERSION)
@Kind("ImagePrefetch")
@Plural("imageprefetches")
@ShortNames("ipf")
public class ImagePrefetch extends CustomResource<ImagePrefetchSpec, ImagePrefetchStatus>
    implements Namespaced {
  /** The API group of both prefetch resources. */
  public static final String GROUP = "prefetch.harbormaster.dev";

  /** The API version of both prefetch resources. */
  public static final String VERSION = "v1alpha1";

  /** Label on ImagePrefetch objects and copied secrets: the plugin instance that wrote them. */
  public static final String MANAGED_BY_LABEL = "prefetch.harbormaster.dev/instance";

  /**
   * Annotation an operator sets (to any new value, e.g. a timestamp) to make the agents retry
   * images in {@code Error} without changing the spec.
   */
  public static final String RETRY_ANNOTATION = "prefetch.harbormaster.dev/retry";

  /** An empty resource; set metadata and spec before writing it. */
  public ImagePrefetch() {}

  /** A resource with {@code name} in {@code namespace} and {@code spec}. */
  public static ImagePrefetch of(String namespace, String name, ImagePrefetchSpec spec) {
    ImagePrefetch p = new ImagePrefetch();
    p.getMetadata().setNamespace(namespace);
    p.getMetadata().setName(name);
    p.setSpec(spec);
    return p;
  }

  @Override
  protected ImagePrefetchSpec initSpec() {
    return ImagePrefetchSpec.empty();
  }
}
