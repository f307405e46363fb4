package dev.harbormaster.docs.reference;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Binds an example exactly as Harbormaster binds a config of that kind. */
@FunctionalInterface
interface ExampleBinder {
  /**
   * Binds {@code tree}, read from {@code file} (relative paths in it resolve against its folder).
   *
   * @return the root record
   * @throws RuntimeException naming the field and the problem when Harbormaster would refuse it
   */
  Object bind(JsonNode tree, Path file);
}
