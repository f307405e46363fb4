package dev.harbormaster.docs.reference;

import java.util.List;

/** One step of a YAML path in the reference: a key, every list entry or every map value. */
sealed interface Step {
  /** A mapping key. */
  record Name(String name) implements Step {}

  /** Every entry of a list ({@code []}). */
  record Each() implements Step {}

  /** Every value of a map with free keys ({@code .<name>}). */
  record Values() implements Step {}

  /** The path as written in the reference: {@code instances[].match}, {@code registries.<name>}. */
  static String render(List<Step> steps) {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      switch (step) {
        case Name(String name) -> out.append(out.isEmpty() ? "" : ".").append(name);
        case Each() -> out.append("[]");
        case Values() -> out.append(".<name>");
      }
    }
    return out.toString();
  }
}
