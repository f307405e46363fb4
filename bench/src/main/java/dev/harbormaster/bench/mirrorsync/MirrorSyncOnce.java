package dev.harbormaster.bench.mirrorsync;

import dev.harbormaster.testkit.plugin.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code mirror sync --once} of one instance in a fresh JVM, so the benchmark also measures what a
 * command-line run costs with JVM start-up and plugin loading. Arguments: {@code <plugin jar>
 * <config yaml (the instance's config block)>}; exits with the command's exit code.
 */
public final class MirrorSyncOnce {
  private MirrorSyncOnce() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[1]);
    TestPluginContext context =
        new TestPluginContext("mirror", "mirror-sync")
            .withConfigDirectory(config.toAbsolutePath().getParent());
    int exit =
        new MirrorCommandJar(Path.of(args[0]))
            .run(
                new YAMLMapper().readTree(Files.readString(config)),
                context,
                List.of("sync", "--once"),
                System.out);
    context.close();
    System.exit(exit);
  }
}
