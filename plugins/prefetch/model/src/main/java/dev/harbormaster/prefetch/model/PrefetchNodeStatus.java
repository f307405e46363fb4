package dev.harbormaster.prefetch.model;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One node's pull report, cluster-scoped and named after the node. Written only by that node's
 * agent (the whole report is the agent's, so it lives in {@code spec}: no status subresource
 * round-trip per write), read by the plugin to aggregate {@link ImagePrefetchStatus}.
 */
@Group(ImagePrefetch.GROUP)
@Version(ImagePrefetch.VERSION)
@Kind("PrefetchNodeStatus")
@Plural("prefetchnodestatuses")
public class PrefetchNodeStatus extends CustomResource<NodeReport, Void> {

  /** An empty resource. */
  public PrefetchNodeStatus() {}

  /** The report of {@code nodeName}. */
  public static PrefetchNodeStatus of(String nodeName, NodeReport report) {
    PrefetchNodeStatus s = new PrefetchNodeStatus();
    s.getMetadata().setName(nodeName);
    s.setSpec(report);
    return s;
  }

  @Override
  protected NodeReport initSpec() {
    return NodeReport.empty();
  }
}
