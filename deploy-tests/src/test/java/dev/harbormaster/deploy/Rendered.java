package dev.harbormaster.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The objects an overlay renders to, parsed strictly ({@link StrictModel}).
 *
 * @param objects every rendered object, in kustomize's order
 */
record Rendered(List<HasMetadata> objects) {
  /** Copies the list. */
  Rendered {
    objects = List.copyOf(objects);
  }

  /** Every object of {@code type}. */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The one object of {@code type} called {@code name}.
   *
   * @throws AssertionError when there is none or more than one
   */
  <T extends HasMetadata> T one(Class<T> type, String name) {
    List<T> found = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected exactly one " + type.getSimpleName() + " " + name + ", found " + found.size());
    }
    return found.getFirst();
  }
}
