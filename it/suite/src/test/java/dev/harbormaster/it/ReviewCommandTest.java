package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.process.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code harbormaster review} over a plain multi-document Deployment manifest: mutating instances
 * run first, validating ones judge the result, one result document per object, exit 1 when any
 * object is denied.
 */
class ReviewCommandTest {
  private static final String STAMP_PATCH =
      "[{\"op\":\"add\",\"path\":\"/metadata/annotations\","
          + "\"value\":{\"harbormaster.dev/reviewed-by\":\"stamp\"}}]";

  @TempDir Path dir;

  @Test
  void deploymentManifest_printsEachDecisionAndPatchedObject_andExitsNonZeroWhenDenied() {
    Cli.workspace(dir, "review-config.yaml", "deployments.yaml");

    CommandResult result =
        Cli.run(
            dir, "review", "--config", "@review-config.yaml", "-o", "json", "@deployments.yaml");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    List<JsonNode> documents =
        Resources.JSON
            .readValues(Resources.JSON.createParser(result.stdoutText()), JsonNode.class)
            .readAll();
    assertThat(documents).hasSize(2);

    JsonNode api = documents.get(0);
    assertThat(api.path("object").asString()).isEqualTo("apps/v1/Deployment shop/api");
    assertThat(api.path("allowed").asBoolean()).isFalse();
    assertThat(api.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(api.path("status").path("message").asString())
        .isEqualTo(
            "deny-latest: Deployment shop/api: container \"api\" uses image"
                + " \"ghcr.io/acme/api:latest\" (tag latest). Pin a version tag (nginx:1.27) or a"
                + " digest (nginx@sha256:...).");

    JsonNode web = documents.get(1);
    assertThat(web.path("object").asString()).isEqualTo("apps/v1/Deployment shop/web");
    assertThat(web.path("allowed").asBoolean()).isTrue();
    assertThat(web.path("patch")).isEqualTo(Resources.JSON.readTree(STAMP_PATCH));
    assertThat(
            web.path("patchedObject")
                .path("metadata")
                .path("annotations")
                .path("harbormaster.dev/reviewed-by")
                .asString())
        .isEqualTo("stamp");
    assertThat(web.at("/patchedObject/spec/template/spec/containers/0/image").asString())
        .isEqualTo("nginx:1.27");
  }

  @Test
  void allowedManifest_exitsZero_withYamlOutput() {
    Cli.workspace(dir, "review-config.yaml", "deployments.yaml");

    CommandResult result =
        Cli.run(
            dir,
            "review",
            "--config",
            "@review-config.yaml",
            "--endpoint",
            "mutate",
            "@deployments.yaml");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdoutText())
        .contains("object: apps/v1/Deployment shop/api\nallowed: true")
        .contains("object: apps/v1/Deployment shop/web\nallowed: true")
        .contains("harbormaster.dev/reviewed-by: stamp");
  }
}
