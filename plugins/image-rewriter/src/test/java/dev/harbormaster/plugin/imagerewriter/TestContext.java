package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.spi.Scope;
import dev.harbormaster.testkit.plugin.TestPluginContext;

/** The testkit's {@link TestPluginContext} for a mutating instance {@code rewrite-test}. */
final class TestContext extends TestPluginContext {
  TestContext() {
    super("rewrite-test", "image-rewriter");
    withScope(Scope.MUTATING);
  }
}
