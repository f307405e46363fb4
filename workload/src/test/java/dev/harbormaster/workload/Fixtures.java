package dev.harbormaster.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads object fixtures from {@code src/test/resources/objects/}. */
final class Fixtures {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Fixtures() {}

  static ObjectNode object(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/objects/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture objects/" + name);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode json(String text) {
    return (ObjectNode) MAPPER.readTree(text);
  }
}
