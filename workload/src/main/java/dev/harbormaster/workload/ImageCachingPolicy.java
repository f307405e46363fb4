package dev.harbormaster.workload;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The per-object opt-out every image plugin honours: an object labelled {@code
 * harbormaster.dev/image-caching-policy: ignore} is left alone. Rewriting images makes some
 * operators (those that compare their pods' images with their own spec) recreate pods forever, so
 * the owner of such objects needs this switch.
 *
 * <p>For a workload the label counts on the object itself and on its pod template (the pods it
 * creates carry the template's labels, so they are skipped as well).
 */
public final class ImageCachingPolicy {
  /** The label key. */
  public static final String LABEL = "harbormaster.dev/image-caching-policy";

  /** The label value that opts an object out. */
  public static final String IGNORE = "ignore";

  private ImageCachingPolicy() {}

  /** Whether {@code object} (a {@code kind}) or its pod template is labelled {@code ignore}. */
  public static boolean isIgnored(String kind, JsonNode object) {
    if (ignores(object)) {
      return true;
    }
    Optional<WorkloadKind> workload = WorkloadKind.of(kind);
    if (workload.isEmpty() || workload.get().isPod()) {
      return false;
    }
    JsonNode template = object;
    for (String field : workload.get().templatePath()) {
      template = template.path(field);
    }
    return ignores(template);
  }

  private static boolean ignores(JsonNode object) {
    return ObjectMetadata.label(object, LABEL).filter(IGNORE::equals).isPresent();
  }
}
