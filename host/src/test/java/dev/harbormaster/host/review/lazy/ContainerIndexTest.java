package dev.harbormaster.host.review.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.review.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

class ContainerIndexTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reviews/deployment-update.json",
        "reviews/pod-ephemeral-update.json",
        "reviews/secret-create.json",
        "patches/escaped-keys/original.json"
      })
  void everyContainerJacksonSees_isIndexedWithTheEndAScanFinds(String resource) {
    byte[] src = Fixtures.bytes(resource);

    ContainerIndex index = JsonScanner.index(src, 0, src.length);

    int containers = 0;
    try (JsonParser parser = Json.MAPPER.createParser(src)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          containers++;
          assertThat(index.endOf(start))
              .as("container at byte %d", start)
              .isEqualTo(JsonScanner.skipValue(src, start, src.length));
        }
      }
    }
    assertThat(index.size()).isEqualTo(containers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[]", "[[], {}, [[]], {\"a\": {}}]", " { \"a\" : [ 1 , { } ] } "})
  void emptyAndNestedContainers_endWhereTheyClose(String json) {
    byte[] src = json.getBytes(StandardCharsets.UTF_8);

    ContainerIndex index = JsonScanner.index(src, 0, src.length);

    for (int i = 0; i < src.length; i++) {
      if (src[i] == '{' || src[i] == '[') {
        assertThat(index.endOf(i)).isEqualTo(JsonScanner.skipValue(src, i, src.length));
      } else {
        assertThat(index.endOf(i)).isEqualTo(-1);
      }
    }
  }
}
