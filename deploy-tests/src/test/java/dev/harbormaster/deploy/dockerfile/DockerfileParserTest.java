package dev.harbormaster.deploy.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DockerfileParser}, through {@link Dockerfile#parse}: what BuildKit would read. */
class DockerfileParserTest {
  private static final String TWO_STAGES =
      """
      # syntax=docker/dockerfile:1
      # Build: docker build -t example/app:1 .
      ARG BASE=debian
      FROM eclipse-temurin:21-jdk AS build
      WORKDIR /src
      COPY . .
      RUN --mount=type=cache,target=/root/.m2 \\
          # a comment inside the continuation is dropped
          ./mvnw -B package \\

          -DskipTests
      from gcr.io/distroless/java21-debian12:nonroot
      COPY --from=build --chown=65532:65532 /src/app/target/app.jar /app/app.jar
      USER 65532:65532
      ENTRYPOINT ["/usr/bin/java", "-jar", "/app/app.jar"]
      CMD run --fast
      """;

  @Test
  void splitsStages_atEachFrom_withTheirNamesAndBaseImages() {
    Dockerfile d = Dockerfile.parse("t", TWO_STAGES);

    assertThat(d.stages()).hasSize(2);
    assertThat(d.stages().get(0).baseImage()).isEqualTo("eclipse-temurin:21-jdk");
    assertThat(d.stages().get(0).name()).contains("build");
    assertThat(d.finalStage().baseImage()).isEqualTo("gcr.io/distroless/java21-debian12:nonroot");
    assertThat(d.finalStage().name()).isEmpty();
    assertThat(d.stage("build")).contains(d.stages().get(0));
    assertThat(d.stage("0")).contains(d.stages().get(0));
    assertThat(d.stage("alpine:3")).isEmpty();
  }

  @Test
  void joinsContinuationLines_droppingCommentsAndBlankLinesInside_andReadsFlags() {
    Instruction run = Dockerfile.parse("t", TWO_STAGES).stages().get(0).last("RUN").orElseThrow();

    assertThat(run.line()).isEqualTo(7);
    assertThat(run.flag("mount")).contains("type=cache,target=/root/.m2");
    assertThat(run.words()).containsExactly("./mvnw", "-B", "package", "-DskipTests");
    assertThat(run.isExecForm()).isFalse();
  }

  @Test
  void tellsTheExecForm_fromTheShellForm() {
    Stage image = Dockerfile.parse("t", TWO_STAGES).finalStage();

    assertThat(image.last("ENTRYPOINT").orElseThrow().execFormOrFail())
        .containsExactly("/usr/bin/java", "-jar", "/app/app.jar");
    assertThat(image.last("CMD").orElseThrow().isExecForm()).isFalse();
    assertThatThrownBy(() -> image.last("CMD").orElseThrow().execFormOrFail())
        .hasMessageContaining("line 16")
        .hasMessageContaining("shell form");
  }

  @Test
  void textStartingWithABracket_butNotAJsonStringArray_isTheShellForm() {
    Stage s = Dockerfile.parse("t", "FROM x\nCMD [\"a\", 1]\nRUN [ -f x ] && echo\n").finalStage();

    assertThat(s.all("CMD").getFirst().isExecForm()).isFalse();
    assertThat(s.all("RUN").getFirst().isExecForm()).isFalse();
  }

  @Test
  void keepsCommentLines_andCopyFlags() {
    Dockerfile d = Dockerfile.parse("t", TWO_STAGES);
    Instruction copy = d.finalStage().last("COPY").orElseThrow();

    assertThat(d.comments()).contains("Build: docker build -t example/app:1 .");
    assertThat(d.comments()).noneMatch(c -> c.startsWith("syntax="));
    assertThat(copy.flag("from")).contains("build");
    assertThat(copy.flag("chown")).contains("65532:65532");
    assertThat(copy.words()).containsExactly("/src/app/target/app.jar", "/app/app.jar");
    assertThat(d.finalStage().workdir()).isEqualTo("/");
    assertThat(d.stages().get(0).workdir()).isEqualTo("/src");
  }

  @Test
  void expandsFromImages_withTheDefaultsOfTheArgsBeforeTheFirstFrom() {
    Dockerfile d =
        Dockerfile.parse(
            "t",
            "ARG BASE=\"gcr.io/distroless/java21-debian12:nonroot\"\nARG TAG=21-jdk\n"
                + "FROM eclipse-temurin:${TAG} AS build\nFROM $BASE\n");

    assertThat(d.stages().get(0).baseImage()).isEqualTo("eclipse-temurin:21-jdk");
    assertThat(d.finalStage().baseImage()).isEqualTo("gcr.io/distroless/java21-debian12:nonroot");
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "ARG BASE\nFROM ${BASE}\n"))
        .hasMessageContaining("$BASE has no default");
  }

  @Test
  void honoursTheEscapeDirective() {
    Dockerfile d = Dockerfile.parse("t", "# escape=`\nFROM x\nRUN echo a `\n  b\n");

    assertThat(d.finalStage().last("RUN").orElseThrow().words())
        .isEqualTo(List.of("echo", "a", "b"));
  }

  @Test
  void refusesWhatItCannotReadFaithfully_namingTheSourceAndLine() {
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "FROM x\nRUNN echo\n"))
        .hasMessageContaining("Dockerfile line 2")
        .hasMessageContaining("RUNN");
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "FROM x\nRUN <<EOF\necho\nEOF\n"))
        .hasMessageContaining("heredocs");
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "USER 1\nFROM x\n"))
        .hasMessageContaining("before the first FROM");
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "# only a comment\n"))
        .hasMessageContaining("no FROM");
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "FROM a b\n"))
        .hasMessageContaining("FROM image [AS name]");
  }
}
