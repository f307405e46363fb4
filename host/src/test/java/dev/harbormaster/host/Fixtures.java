package dev.harbormaster.host;

import dev.harbormaster.host.review.AdmissionReviewParser;
import dev.harbormaster.spi.Review;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures from {@code src/test/resources}. */
public final class Fixtures {
  private Fixtures() {}

  /** The bytes of a classpath resource. */
  public static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A review parsed from {@code reviews/<name>.json}. */
  public static Review review(String name) {
    return AdmissionReviewParser.parse(bytes("reviews/" + name + ".json"));
  }
}
