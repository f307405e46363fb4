package dev.harbormaster.host;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Configs parsed from text in tests. */
public final class TestConfigs {
  private TestConfigs() {}

  /** Parses {@code yaml} as if read from {@code dir/test.yaml}. */
  public static LoadedConfig parse(Path dir, String yaml) {
    return ConfigLoader.parse(
        "test.yaml", dir, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
