package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.testkit.plugin.TestPluginContext;
import java.nio.file.Path;

/**
 * The testkit's {@link TestPluginContext} for instance {@code mirror-test}, two scheduler threads.
 */
final class TestContext extends TestPluginContext {
  TestContext(boolean dryRun, Path configDir) {
    super("mirror-test", "mirror-sync", 2);
    withDryRun(dryRun).withConfigDirectory(configDir);
  }
}
