package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.deploy.dockerfile.Dockerfile;
import dev.harbormaster.deploy.dockerfile.Instruction;
import dev.harbormaster.deploy.dockerfile.Stage;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both Dockerfiles build small, locked-down images: multi-stage (the Maven wrapper builds in a JDK
 * stage, the image only copies its output), a distroless final stage with no shell and nothing run
 * in it, a numeric non-root user (so the kubelet can verify {@code runAsNonRoot}), exec-form
 * ENTRYPOINT and CMD, and the image name they document is the one deploy/ runs.
 */
class DockerfileInvariantsTest {

  @ParameterizedTest
  @EnumSource(ContainerImage.class)
  void isMultiStage_theImageCopiesOnlyFromItsBuildStage(ContainerImage image) {
    Dockerfile d = image.dockerfile();
    Stage last = d.finalStage();

    assertThat(d.stages()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(last.all("COPY"))
        .isNotEmpty()
        .allSatisfy(
            copy ->
                assertThat(copy.flag("from").flatMap(d::stage))
                    .as(copy.toString())
                    .hasValueSatisfying(s -> assertThat(s.index()).isLessThan(last.index())));
    assertThat(last.all("ADD")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContainerImage.class)
  void theBuildStage_buildsItsModule_withTheMavenWrapper_fromTheWholeContext(ContainerImage image) {
    Dockerfile d = image.dockerfile();
    Stage build =
        d.stage(d.finalStage().all("COPY").getFirst().flag("from").orElseThrow()).orElseThrow();
    List<String> run = build.last("RUN").orElseThrow().words();

    assertThat(build.all("COPY"))
        .singleElement()
        .satisfies(c -> assertThat(c.words()).containsExactly(".", "."));
    assertThat(run.getFirst()).isEqualTo("./mvnw");
    assertThat(run.get(run.indexOf("-pl") + 1)).isEqualTo(image.module());
    assertThat(run).contains("-am", "package");
    assertThat(ContainerImage.repositoryRoot().resolve(image.module()).resolve("pom.xml"))
        .isRegularFile();
  }

  @ParameterizedTest
  @EnumSource(ContainerImage.class)
  void theImage_hasNoShell_andRunsNothingInIt(ContainerImage image) {
    Stage last = image.dockerfile().finalStage();

    assertThat(last.baseImage())
        .as("a distroless base has no shell")
        .startsWith("gcr.io/distroless/java21-")
        .doesNotContain(":debug");
    assertThat(last.all("RUN")).as("nothing can run in an image without a shell").isEmpty();
    assertThat(last.all("SHELL")).isEmpty();
    assertThat(last.last("ENTRYPOINT"))
        .hasValueSatisfying(e -> assertThat(e.isExecForm()).isTrue());
    assertThat(last.last("CMD")).hasValueSatisfying(e -> assertThat(e.isExecForm()).isTrue());
    assertThat(ImageCommand.entrypoint(last).getFirst()).startsWith("/");
  }

  @ParameterizedTest
  @EnumSource(ContainerImage.class)
  void theImage_runsAsANumericNonRootUser(ContainerImage image) {
    Instruction user = image.dockerfile().finalStage().last("USER").orElseThrow();

    assertThat(user.arguments()).matches("\\d+(:\\d+)?");
    assertThat(Integer.parseInt(user.arguments().split(":")[0])).isPositive();
  }

  @ParameterizedTest
  @EnumSource(ContainerImage.class)
  void theDocumentedBuild_tagsTheImageDeployRuns_fromTheRepositoryRoot(ContainerImage image) {
    DocumentedBuild build = DocumentedBuild.of(image.dockerfile());
    String deployed = image.container(Overlay.CERT_MANAGER.render()).getImage();

    assertThat(build.tag()).isEqualTo(deployed);
    assertThat(build.context()).isEqualTo(".");
    assertThat(build.file().orElse("Dockerfile")).isEqualTo(image.dockerfilePath());
    assertThat(ContainerImage.repositoryRoot().resolve(build.file().orElse("Dockerfile")))
        .satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
  }
}
