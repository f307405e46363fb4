package dev.harbormaster.host.review;

import tools.jackson.databind.json.JsonMapper;

/** The host's one JSON mapper for trees on the admission path (thread-safe, reused). */
public final class Json {
  /** Plain mapper: trees in, bytes out. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}
}
