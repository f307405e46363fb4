package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.prefetch.model.WorkloadOwner;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.ImageCachingPolicy;
import dev.harbormaster.workload.MirrorPods;
import dev.harbormaster.workload.PodTemplate;
import dev.harbormaster.workload.WorkloadKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Pod or workload review into a {@link PrefetchRequest}, in memory only: the images of
 * every container kind (normalised; invalid references left out), the node selector, pull secrets,
 * service account and runtime class. Nothing when the object opts out ({@value
 * ImageCachingPolicy#LABEL}), is a mirror pod, or is an UPDATE whose images did not change.
 */
final class RequestExtractor {
  private final Map<String, String> defaultNodeSelector;

  RequestExtractor(Map<String, String> defaultNodeSelector) {
    this.defaultNodeSelector = defaultNodeSelector;
  }

  Optional<PrefetchRequest> extract(Review review) {
    if (review.object().isEmpty()
        || (review.operation() != Operation.CREATE && review.operation() != Operation.UPDATE)) {
      return Optional.empty();
    }
    ObjectNode object = review.object().get();
    String kind = review.kind().kind();
    Optional<PodTemplate> template = PodTemplate.find(kind, object);
    if (template.isEmpty()
        || ImageCachingPolicy.isIgnored(kind, object)
        || (template.get().kind().isPod() && MirrorPods.isMirrorPod(object))) {
      return Optional.empty();
    }
    Set<String> images = images(template.get());
    if (images.isEmpty()) {
      return Optional.empty();
    }
    if (review.operation() == Operation.UPDATE && review.oldObject().isPresent()) {
      Set<String> before =
          PodTemplate.find(kind, review.oldObject().get())
              .map(RequestExtractor::images)
              .orElse(Set.of());
      if (before.equals(images)) {
        return Optional.empty();
      }
    }
    JsonNode spec = template.get().spec();
    Map<String, String> selector = strings(spec.path("nodeSelector"));
    List<String> secrets = new ArrayList<>();
    for (JsonNode s : spec.path("imagePullSecrets")) {
      if (s.path("name").isString() && !s.path("name").asString().isEmpty()) {
        secrets.add(s.path("name").asString());
      }
    }
    String namespace = review.namespace().orElse("default");
    String name = review.name().orElse(object.path("metadata").path("name").asString(""));
    WorkloadOwner owner =
        new WorkloadOwner(object.path("apiVersion").asString(""), kind, namespace, name);
    return Optional.of(
        new PrefetchRequest(
            objectName(template.get().kind(), namespace, name, images),
            List.copyOf(images),
            selector.isEmpty() ? defaultNodeSelector : selector,
            secrets,
            spec.path("serviceAccountName").asString("default"),
            spec.path("runtimeClassName").asString(""),
            owner));
  }

  private static Set<String> images(PodTemplate template) {
    Set<String> images = new LinkedHashSet<>();
    for (ContainerImage c : template.containers()) {
      ImageReference.tryParse(c.image()).ifPresent(r -> images.add(r.full()));
    }
    return images;
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.properties()
        .forEach(
            e -> {
              if (e.getValue().isString()) {
                out.put(e.getKey(), e.getValue().asString());
              }
            });
    return out;
  }

  /**
   * {@code <kind>-<namespace>-<name>}, lower case, at most 63 characters (a hash keeps long names
   * unique). A Pod without a name yet ({@code generateName}) is named by its images, so that the
   * pods of one ReplicaSet share one intent.
   */
  static String objectName(WorkloadKind kind, String namespace, String name, Set<String> images) {
    String base =
        kind.kind().toLowerCase(Locale.ROOT)
            + "-"
            + namespace
            + "-"
            + (name.isEmpty() ? "images-" + hash(String.join(",", images)) : name);
    String clean = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (clean.length() <= 63) {
      return clean;
    }
    return clean.substring(0, 52) + "-" + hash(base);
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
