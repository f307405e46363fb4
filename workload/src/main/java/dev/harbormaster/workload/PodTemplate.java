package dev.harbormaster.workload;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pod template of an object: the Pod itself, or the {@code template} of a workload (see {@link
 * WorkloadKind}). It owns the {@code spec} whose containers run and the {@code metadata} the pods
 * get, and works on the live tree it was found in.
 *
 * <pre>{@code
 * PodTemplate.find(review.kind().kind(), object).ifPresent(template -> {
 *   for (ContainerImage c : template.containers()) {
 *     c.setImage(mirror(c.image()));
 *   }
 *   template.setAnnotation("example.com/rewritten", "true");
 * });
 * }</pre>
 */
public final class PodTemplate {
  private final WorkloadKind kind;
  private final ObjectNode template;
  private final ObjectNode spec;
  private final JsonPointer pointer;

  private PodTemplate(WorkloadKind kind, ObjectNode template, ObjectNode spec, JsonPointer ptr) {
    this.kind = kind;
    this.template = template;
    this.spec = spec;
    this.pointer = ptr;
  }

  /**
   * Locates the pod template of {@code object}, a {@code kind}.
   *
   * @return empty for kinds without a pod spec, or when the object has no pod spec object there
   */
  public static Optional<PodTemplate> find(String kind, ObjectNode object) {
    return WorkloadKind.of(kind).flatMap(k -> find(k, object));
  }

  /** Locates the pod template of {@code object}, a {@code kind}. */
  public static Optional<PodTemplate> find(WorkloadKind kind, ObjectNode object) {
    JsonNode node = object;
    JsonPointer ptr = JsonPointer.empty();
    for (String field : kind.templatePath()) {
      node = node.path(field);
      ptr = ptr.appendProperty(field);
    }
    if (node instanceof ObjectNode template && template.get("spec") instanceof ObjectNode spec) {
      return Optional.of(new PodTemplate(kind, template, spec, ptr));
    }
    return Optional.empty();
  }

  /** The kind of the object this template belongs to. */
  public WorkloadKind kind() {
    return kind;
  }

  /** The live pod spec. */
  public ObjectNode spec() {
    return spec;
  }

  /** The JSON Pointer of the pod spec within the object: {@code /spec/template/spec}... */
  public JsonPointer specPointer() {
    return pointer.appendProperty("spec");
  }

  /** All containers with their images, in start order: init, regular, ephemeral. */
  public List<ContainerImage> containers() {
    return containers(EnumSet.allOf(ContainerKind.class));
  }

  /**
   * The containers of the given lists, in start order. Entries that are not objects are left out.
   */
  public List<ContainerImage> containers(Set<ContainerKind> kinds) {
    List<ContainerImage> result = new ArrayList<>();
    for (ContainerKind k : ContainerKind.values()) {
      if (!kinds.contains(k)) {
        continue;
      }
      JsonNode list = spec.path(k.field());
      JsonPointer listPointer = specPointer().appendProperty(k.field());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof ObjectNode container) {
          JsonNode image = container.path("image");
          result.add(
              new ContainerImage(
                  k,
                  i,
                  container.path("name").asString(""),
                  image.isString() ? image.asString() : "",
                  container,
                  listPointer.appendIndex(i)));
        }
      }
    }
    return result;
  }

  /** The labels the pods get (a Pod's own labels). */
  public Map<String, String> labels() {
    return ObjectMetadata.labels(template);
  }

  /** The annotations the pods get (a Pod's own annotations). */
  public Map<String, String> annotations() {
    return ObjectMetadata.annotations(template);
  }

  /**
   * Sets an annotation on the pods (a Pod's own metadata, a workload's template metadata), creating
   * the metadata maps when missing.
   */
  public void setAnnotation(String key, String value) {
    ObjectMetadata.setAnnotation(template, key, value);
  }
}
