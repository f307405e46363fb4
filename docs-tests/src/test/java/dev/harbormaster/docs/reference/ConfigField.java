package dev.harbormaster.docs.reference;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * One field a config record accepts.
 *
 * @param path its full YAML path from the root, {@code []} marking list entries
 * @param name its YAML name
 * @param aliases further names Jackson accepts for it
 * @param component the record component it binds to
 * @param type its shape
 */
record ConfigField(
    String path, String name, List<String> aliases, RecordComponent component, FieldType type) {

  /** The record declaring the field. */
  Class<?> owner() {
    return component.getDeclaringRecord();
  }

  /** {@code Owner.component}, for messages. */
  String javaName() {
    return owner().getSimpleName() + "." + component.getName();
  }
}
