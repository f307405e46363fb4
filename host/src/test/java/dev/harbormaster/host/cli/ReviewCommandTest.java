package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.review.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ReviewCommandTest {
  @TempDir Path dir;
  private CliFixture cli;
  private Path config;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliFixture(dir);
    config =
        cli.config(
            """
            server: {plainHttp: true}
            instances:
              - {name: hello, plugin: greeting, scope: mutating, config: {greeting: hi}}
              - {name: no-forbidden, plugin: deny-named, scope: validating, config: {names: [forbidden]}}
            """);
  }

  @Test
  void manifests_areMutatedThenValidated_andPrintedPerObject_exitingOneOnDeny() throws Exception {
    Path manifests = copy("manifests/workloads.yaml");

    int code = cli.run("review", "--config", config.toString(), manifests.toString());

    assertThat(code).as(cli.err).isEqualTo(1);
    try (MappingIterator<JsonNode> docs =
        YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(cli.out)) {
      JsonNode deployment = docs.nextValue();
      assertThat(deployment.path("object").asString()).isEqualTo("apps/v1/Deployment shop/api");
      assertThat(deployment.path("allowed").asBoolean()).isTrue();
      assertThat(deployment.path("warnings").get(0).asString()).isEqualTo("hi");
      assertThat(deployment.at("/patch/0/path").asString()).isEqualTo("/metadata/labels");
      assertThat(deployment.at("/patchedObject/metadata/labels/greeted").asString())
          .isEqualTo("hi");
      assertThat(deployment.at("/patchedObject/spec/template/spec/containers/0/image").asString())
          .isEqualTo("busybox:1.36");
      JsonNode configMap = docs.nextValue();
      assertThat(configMap.path("object").asString()).isEqualTo("v1/ConfigMap shop/forbidden");
      assertThat(configMap.path("allowed").asBoolean()).isFalse();
      assertThat(configMap.at("/status/code").asInt()).isEqualTo(403);
      assertThat(configMap.at("/status/message").asString())
          .isEqualTo("no-forbidden: name forbidden is not allowed");
      assertThat(docs.hasNextValue()).isFalse();
    }
  }

  @Test
  void admissionReviewFiles_onlyOneEndpoint_jsonOutput() throws Exception {
    Path review = copy("reviews/deployment-create.json");

    int code =
        cli.run(
            "review",
            "--config",
            config.toString(),
            "--endpoint",
            "validate",
            "-o",
            "json",
            review.toString());

    assertThat(code).isZero();
    JsonNode result = Json.MAPPER.readTree(cli.out);
    assertThat(result.path("allowed").asBoolean()).isTrue();
    assertThat(result.has("patch")).as("validate only: no mutation").isFalse();
    assertThat(result.path("warnings").isEmpty()).isTrue();
  }

  @Test
  void unreadableInput_exitsThreeNamingTheFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: [unclosed\n");

    assertThat(cli.run("review", "--config", config.toString(), bad.toString())).isEqualTo(3);
    assertThat(cli.err).contains("bad.yaml");
    assertThat(
            cli.run("review", "--config", config.toString(), dir.resolve("absent.yaml").toString()))
        .isEqualTo(3);
  }

  private Path copy(String resource) throws Exception {
    Path target = dir.resolve(Path.of(resource).getFileName());
    Files.write(target, Fixtures.bytes(resource));
    return target;
  }
}
