package dev.harbormaster.host.review.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.pipeline.JsonPatchDiff;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.KubernetesObjects;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class LazyJsonTest {

  private static JsonNode lazy(String json) {
    return LazyJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode eager(String json) {
    return Json.MAPPER.readTree(json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reviews/deployment-create.json",
        "reviews/deployment-update.json",
        "reviews/pod-create.json",
        "reviews/pod-delete.json",
        "reviews/pod-ephemeral-update.json",
        "reviews/secret-create.json",
        "patches/escaped-keys/original.json"
      })
  void fixtures_readAsTheSameTreeAsReadTree(String resource) {
    byte[] bytes = Fixtures.bytes(resource);

    JsonNode lazy = LazyJson.parse(bytes);
    JsonNode eager = Json.MAPPER.readTree(bytes);

    assertThat(eager.equals(lazy)).isTrue();
    assertThat(LazyJson.parse(bytes).equals(eager)).isTrue();
    assertThat(Json.MAPPER.writeValueAsString(LazyJson.parse(bytes)))
        .isEqualTo(Json.MAPPER.writeValueAsString(eager));
    assertThat(LazyJson.parse(bytes).hashCode()).isEqualTo(eager.hashCode());
  }

  @Test
  void scalars_becomeTheNodesReadTreeMakes() {
    String json =
        """
        {"i": 7, "neg": -12, "zero": -0, "long": 12345678901, "max": 9223372036854775807,
         "big": 123456789012345678901234567890, "d": 1.5, "e": 1e3, "negE": -2.5E-3,
         "s": "plain", "u": "caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\n", "utf8": "café 😀",
         "t": true, "f": false, "n": null, "empty": {}, "none": [],
         "nested": [1, "two", [3.0], {"four": 4}]}
        """;

    JsonNode lazy = lazy(json);
    JsonNode eager = eager(json);

    for (String name : eager.propertyNames()) {
      assertThat(lazy.get(name)).as(name).isEqualTo(eager.get(name));
      if (eager.get(name).isValueNode()) {
        assertThat(lazy.get(name).getClass()).as(name).isEqualTo(eager.get(name).getClass());
      }
    }
    assertThat(lazy.path("nested").get(2).get(0).getClass())
        .isEqualTo(eager.path("nested").get(2).get(0).getClass());
    assertThat(lazy.path("u").stringValue()).isEqualTo("café 😀 \"q\" \\ \n");
  }

  @Test
  void typedFabric8Views_ofALazyObject_equalThoseOfAReadTreeObject() {
    byte[] body = Fixtures.bytes("reviews/deployment-update.json");
    JsonNode lazy = LazyJson.parse(body).path("request").path("object");
    JsonNode eager = Json.MAPPER.readTree(body).path("request").path("object");

    Deployment fromLazy = KubernetesObjects.as(lazy, Deployment.class);

    assertThat(fromLazy).isEqualTo(KubernetesObjects.as(eager, Deployment.class));
    assertThat(fromLazy.getSpec().getTemplate().getSpec().getContainers()).isNotEmpty();
  }

  @Test
  void membersAreRead_onlyWhenAsked_andOnlyOneLevelDeep() {
    JsonNode root = lazy("{\"metadata\": {\"labels\": {\"a\": \"b\"}}, \"spec\": {\"x\": [1, 2]}}");

    assertThat(LazyJson.untouched(root)).isTrue();
    JsonNode metadata = root.get("metadata");

    assertThat(LazyJson.untouched(root)).isFalse();
    assertThat(LazyJson.untouched(metadata)).isTrue();
    assertThat(LazyJson.untouched(root.get("spec"))).isTrue();
    assertThat(metadata.path("labels").path("a").stringValue()).isEqualTo("b");
    assertThat(LazyJson.untouched(root.get("spec"))).isTrue();
  }

  @Test
  void repeatedNames_keepTheFirstPosition_andTheLastValue_likeReadTree() {
    String json = "{\"a\": 1, \"b\": {\"x\": 1}, \"a\": [2], \"c\": 3, \"b\": null}";

    JsonNode lazy = lazy(json);

    assertThat(lazy).isEqualTo(eager(json));
    assertThat(lazy.propertyNames()).containsExactly("a", "b", "c");
    assertThat(Json.MAPPER.writeValueAsString(lazy))
        .isEqualTo(Json.MAPPER.writeValueAsString(eager(json)));
  }

  @Test
  void mutations_behaveAsOnAReadTreeTree() {
    String json =
        "{\"metadata\": {\"name\": \"web\"}, \"spec\": {\"containers\": [{\"image\": \"a\"}, {\"image\": \"b\"}]}}";
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode root : new JsonNode[] {lazy(json), eager(json)}) {
      ObjectNode object = (ObjectNode) root;
      object.withObject("/metadata").withObject("/annotations").put("stamped", "yes");
      object.remove("status");
      ArrayNode containers = (ArrayNode) object.path("spec").path("containers");
      ((ObjectNode) containers.get(1)).put("image", "mirror/b");
      containers.insertObject(0).put("image", "init");
      containers.remove(1);
      object.putArray("list").add(1).add("x");
      object.properties().removeIf(e -> e.getKey().equals("list"));
      results.add(root);
    }

    assertThat(results.get(0)).isEqualTo(results.get(1));
    assertThat(Json.MAPPER.writeValueAsString(results.get(0)))
        .isEqualTo(Json.MAPPER.writeValueAsString(results.get(1)))
        .contains("\"stamped\":\"yes\"", "mirror/b", "init")
        .doesNotContain("\"a\"");
  }

  @Test
  void deepCopy_ofAnUntouchedNode_isIndependentAndStaysUntouched() {
    ObjectNode original = (ObjectNode) lazy("{\"metadata\": {\"name\": \"web\"}, \"spec\": {}}");

    ObjectNode copy = original.deepCopy();
    ((ObjectNode) copy.get("metadata")).put("name", "changed");

    assertThat(LazyJson.untouched(original)).isTrue();
    assertThat(original.path("metadata").path("name").stringValue()).isEqualTo("web");
    assertThat(copy.path("metadata").path("name").stringValue()).isEqualTo("changed");
    ObjectNode copyOfTouched = original.deepCopy();
    assertThat(LazyJson.untouched(copyOfTouched.get("spec"))).isTrue();
    ((ObjectNode) copyOfTouched.get("spec")).put("replicas", 2);
    assertThat(original.path("spec").has("replicas")).isFalse();
  }

  @Test
  void untouchedNodesWithTheSameText_areEqualWithoutBeingRead() {
    String json = "{\"spec\": {\"template\": {\"containers\": [{\"image\": \"a\"}]}}}";
    JsonNode a = lazy(json).get("spec");
    JsonNode b = lazy(json).get("spec");

    assertThat(a).isEqualTo(b);
    assertThat(LazyJson.untouched(a)).isTrue();
    assertThat(LazyJson.untouched(b)).isTrue();
    assertThat(lazy("{\"x\": {\"k\": 1}}").get("x"))
        .isEqualTo(lazy("{\"x\": { \"k\" : 1 }}").get("x"));
    assertThat(lazy("{\"x\": {\"k\": 1}}").get("x"))
        .isNotEqualTo(lazy("{\"x\": {\"k\": 2}}").get("x"));
  }

  @Test
  void aPatchOfAStampedCopy_readsOnlyThePathThatChanged() {
    byte[] body = Fixtures.bytes("reviews/deployment-update.json");
    ObjectNode object = (ObjectNode) LazyJson.parse(body).path("request").path("object");
    ObjectNode eagerObject = (ObjectNode) Json.MAPPER.readTree(body).path("request").path("object");

    ObjectNode working = object.deepCopy();
    working.withObject("/metadata").withObject("/annotations").put("harbormaster.dev/x", "y");
    ObjectNode eagerWorking = eagerObject.deepCopy();
    eagerWorking.withObject("/metadata").withObject("/annotations").put("harbormaster.dev/x", "y");

    assertThat(JsonPatchDiff.diff(object, working))
        .isEqualTo(JsonPatchDiff.diff(eagerObject, eagerWorking))
        .hasSize(1);
    assertThat(LazyJson.untouched(object.get("spec"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "replace-image",
        "escaped-keys",
        "add-into-missing-map",
        "remove-and-add-container"
      })
  void patches_betweenLazyTrees_equalThoseBetweenReadTreeTrees(String fixture) {
    byte[] original = Fixtures.bytes("patches/" + fixture + "/original.json");
    byte[] changed = Fixtures.bytes("patches/" + fixture + "/changed.json");

    assertThat(JsonPatchDiff.diff(LazyJson.parse(original), LazyJson.parse(changed)))
        .isEqualTo(
            JsonPatchDiff.diff(Json.MAPPER.readTree(original), Json.MAPPER.readTree(changed)));
  }

  @Test
  void threadsReadingAnUntouchedNodeAtOnce_allSeeTheSameMembers() throws Exception {
    byte[] body = Fixtures.bytes("reviews/deployment-update.json");
    JsonNode eager = Json.MAPPER.readTree(body);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        JsonNode root = LazyJson.parse(body);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> readers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          readers.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                    return root.path("request")
                        .path("object")
                        .equals(eager.path("request").path("object"));
                  },
                  pool));
        }
        start.countDown();
        for (CompletableFuture<Boolean> reader : readers) {
          assertThat(reader.get()).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
