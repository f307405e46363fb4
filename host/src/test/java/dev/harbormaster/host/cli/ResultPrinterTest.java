package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.Review;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ResultPrinterTest {
  private final ObjectNode configMap =
      (ObjectNode)
          Json.MAPPER.readTree(
              """
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n"},
               "data":{"number":"123","float":"1.0","bool":"true","yes":"yes","null":"null","plain":"x"}}
              """);
  private final Review review = ManifestReader.wrap("test", configMap, 1);

  @Test
  void yamlOutput_keepsStringsThatLookLikeOtherTypes_asStrings() {
    StringWriter out = new StringWriter();

    new ResultPrinter(new PrintWriter(out), false).print(review, allowed());

    JsonNode printed = YAMLMapper.builder().build().readTree(out.toString());
    assertThat(printed.path("object").asString()).isEqualTo("v1/ConfigMap n/c");
    assertThat(printed.path("allowed").asBoolean()).isTrue();
    assertThat(printed.path("patchedObject")).isEqualTo(configMap);
  }

  @Test
  void jsonOutput_hasTheDenial() {
    StringWriter out = new StringWriter();
    OfflineReviewer.Result denied =
        new OfflineReviewer.Result(
            false,
            Optional.of(new AdmissionResponse.Status(403, "no")),
            List.of("w"),
            Map.of("i/k", "v"),
            Optional.empty(),
            Optional.of(configMap));

    new ResultPrinter(new PrintWriter(out), true).print(review, denied);

    JsonNode printed = Json.MAPPER.readTree(out.toString());
    assertThat(printed.at("/status/code").asInt()).isEqualTo(403);
    assertThat(printed.at("/warnings/0").asString()).isEqualTo("w");
    assertThat(printed.at("/auditAnnotations/i~1k").asString()).isEqualTo("v");
  }

  private OfflineReviewer.Result allowed() {
    return new OfflineReviewer.Result(
        true, Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.of(configMap));
  }
}
