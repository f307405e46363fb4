package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code .dockerignore} keeps what the images' build stages need (every reactor
 * module's pom.xml and sources, the Maven wrapper) and leaves out build output, git and keys. The
 * matcher ({@link DockerIgnore}) is shown on its own first.
 */
class DockerIgnoreTest {
  private static final Path ROOT = ContainerImage.repositoryRoot();
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  @Test
  void theMatcher_followsDockersRules_parentsExcludeChildren_lastMatchWins_doubleStar() {
    DockerIgnore ignore = DockerIgnore.parse("**/target\n/docs\n*.md\n!README.md\nsrc/*/gen?\n");

    assertThat(ignore.excludes("target/x.jar")).isTrue();
    assertThat(ignore.excludes("a/b/target/classes/X.class")).isTrue();
    assertThat(ignore.excludes("a/targets/x")).isFalse();
    assertThat(ignore.excludes("docs/install.md")).isTrue();
    assertThat(ignore.excludes("a/docs/x")).isFalse();
    assertThat(ignore.excludes("NOTES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isFalse();
    assertThat(ignore.excludes("a/NOTES.md")).as("* does not cross /").isFalse();
    assertThat(ignore.excludes("src/main/gen1/A.java")).isTrue();
  }

  @Test
  void keepsTheWrapper_andEveryReactorModulesPomAndSources() throws IOException {
    DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));
    List<String> modules = modules("");

    assertThat(modules).contains("dist", "plugins/prefetch/agent", "host", "spi");
    assertThat(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties"))
        .allSatisfy(f -> assertThat(ignore.excludes(f)).as(f).isFalse());
    assertThat(modules)
        .allSatisfy(
            m -> {
              assertThat(ignore.excludes(m + "/pom.xml")).as(m + "/pom.xml").isFalse();
              assertThat(ignore.excludes(m + "/src/main/java/X.java")).as(m + "/src").isFalse();
            });
  }

  @Test
  void leavesOutBuildOutput_git_andKeys() {
    DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));

    assertThat(
            List.of(
                "dist/target/harbormaster/lib/x.jar",
                "dist/target-deploy/harbormaster/plugins/x.jar",
                "plugins/prefetch/agent/target-lead/x-all.jar",
                ".git/config",
                "deploy/overlays/self-managed/ca.crt",
                "tls.key"))
        .allSatisfy(p -> assertThat(ignore.excludes(p)).as(p).isTrue());
  }

  /** The reactor's modules below {@code dir} (relative), recursively, from the poms. */
  private static List<String> modules(String dir) throws IOException {
    List<String> found = new ArrayList<>();
    String pom = Files.readString(ROOT.resolve(dir).resolve("pom.xml"));
    Matcher m = MODULE.matcher(pom);
    while (m.find()) {
      String module = dir.isEmpty() ? m.group(1).strip() : dir + "/" + m.group(1).strip();
      found.add(module);
      found.addAll(modules(module));
    }
    return found;
  }
}
