package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.plugin.mirrorsync.config.MirrorConfig;
import dev.harbormaster.plugin.mirrorsync.plan.TagFilter;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.PodTemplate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The admission side: images of an admitted Pod or workload template whose repository is a mirror's
 * source, with a tag the mirror's filters accept, are queued at once with priority. Always allows.
 * No network I/O and no waiting (offers are in memory; a full queue drops). Nothing is queued in
 * dry run (the request's or the instance's): an audit annotation says what would have been.
 */
final class AdmissionQueuer {
  private final Map<String, MirrorConfig> bySource;
  private final Map<String, TagFilter> filters;
  private final BiFunction<MirrorConfig, ImageReference, OfferResult> offer;
  private final boolean instanceDryRun;

  AdmissionQueuer(
      List<MirrorConfig> mirrors,
      BiFunction<MirrorConfig, ImageReference, OfferResult> offer,
      boolean instanceDryRun) {
    this.bySource = new HashMap<>();
    this.filters = new HashMap<>();
    for (MirrorConfig m : mirrors) {
      String key = m.sourceRepository().toString();
      bySource.put(key, m);
      filters.put(key, new TagFilter(m.tags()));
    }
    this.offer = offer;
    this.instanceDryRun = instanceDryRun;
  }

  Decision review(Review review) {
    Decision allow = Decision.allow();
    Optional<PodTemplate> template =
        review.object().flatMap(o -> PodTemplate.find(review.kind().kind(), o));
    if (template.isEmpty()) {
      return allow;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (ContainerImage c : template.get().containers()) {
      Optional<ImageReference> ref = c.tryReference();
      if (ref.isEmpty() || ref.get().tag().isEmpty()) {
        continue; // invalid, or by digest only: nothing to keep in sync by tag
      }
      String repo = ref.get().repositoryName().toString();
      MirrorConfig mirror = bySource.get(repo);
      if (mirror == null || !filters.get(repo).accepts(ref.get().tag().get())) {
        continue;
      }
      if (!wanted.add(ref.get().full())) {
        continue;
      }
      if (!review.dryRun() && !instanceDryRun) {
        offer.apply(mirror, ref.get()); // never waits; a full queue drops and counts
      }
    }
    if (wanted.isEmpty()) {
      return allow;
    }
    if (review.dryRun() || instanceDryRun) {
      return allow.withAuditAnnotation("would-queue", String.join(",", wanted));
    }
    return allow.withAuditAnnotation("queued", String.join(",", wanted));
  }
}
