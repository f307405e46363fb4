package dev.harbormaster.bench.admission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The benchmark's reviews and config templates, from {@code dev/harbormaster/bench/admission/}. */
final class BenchResources {
  private static final String DIR = "/dev/harbormaster/bench/admission/";

  private BenchResources() {}

  /**
   * A resource as UTF-8 text.
   *
   * @throws IllegalStateException naming the resource when it is missing
   */
  static String read(String name) throws IOException {
    try (InputStream in = BenchResources.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
