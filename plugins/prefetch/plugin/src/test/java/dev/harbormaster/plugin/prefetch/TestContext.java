package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.testkit.plugin.TestPluginContext;

/** The testkit's {@link TestPluginContext} with typed access to the {@link PrefetchStatus}. */
final class TestContext extends TestPluginContext {
  TestContext(boolean dryRun) {
    super("prefetch-test", "prefetch");
    withDryRun(dryRun);
  }

  PrefetchStatus current() {
    return (PrefetchStatus) lastStatus().orElse(null);
  }
}
