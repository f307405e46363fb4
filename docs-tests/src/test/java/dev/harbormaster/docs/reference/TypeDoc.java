package dev.harbormaster.docs.reference;

import java.util.Map;
import java.util.Optional;

/**
 * The Javadoc of one type, read from its source file.
 *
 * @param summary the first sentence of the main description, as Markdown
 * @param params raw text of each {@code @param} tag by parameter (record component) name
 * @param constants raw text of the Javadoc of each enum constant by constant name
 */
record TypeDoc(String summary, Map<String, String> params, Map<String, String> constants) {
  /** Copies the maps. */
  TypeDoc {
    params = Map.copyOf(params);
    constants = Map.copyOf(constants);
  }

  /** The {@code @param} text of a component, if it is documented (and not blank). */
  Optional<String> param(String component) {
    return Optional.ofNullable(params.get(component)).filter(text -> !text.isBlank());
  }
}
