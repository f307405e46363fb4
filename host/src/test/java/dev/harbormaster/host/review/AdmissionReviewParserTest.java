package dev.harbormaster.host.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AdmissionReviewParserTest {

  @Test
  void parsesEveryRequestField_andKeepsUnknownObjectFields() {
    Review review = AdmissionReviewParser.parse(Fixtures.bytes("reviews/pod-create.json"));

    assertThat(review.uid()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
    assertThat(review.operation()).isEqualTo(Operation.CREATE);
    assertThat(review.kind()).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(review.resource().resource()).isEqualTo("pods");
    assertThat(review.namespace()).contains("shop");
    assertThat(review.name()).contains("web");
    assertThat(review.subResource()).isEmpty();
    assertThat(review.userInfo().username()).isEqualTo("alice");
    assertThat(review.userInfo().groups()).containsExactly("system:authenticated");
    assertThat(review.userInfo().extra()).containsEntry("scopes", List.of("a"));
    assertThat(review.dryRun()).isFalse();
    assertThat(review.oldObject()).isEmpty();
    assertThat(review.object().orElseThrow().at("/spec/containers/0/futureField/keep").asBoolean())
        .isTrue();
  }

  @Test
  void deleteCarriesOnlyTheOldObject() {
    Review review = Fixtures.review("pod-delete");

    assertThat(review.operation()).isEqualTo(Operation.DELETE);
    assertThat(review.object()).isEmpty();
    assertThat(review.oldObject()).isPresent();
  }

  @Test
  void lazilyParsedOldObject_equalsTheEagerTree_forEveryFixtureWithOne() throws Exception {
    for (String fixture : List.of("pod-delete", "deployment-update", "pod-ephemeral-update")) {
      byte[] body = Fixtures.bytes("reviews/" + fixture + ".json");
      JsonNode eager = Json.MAPPER.readTree(body).at("/request/oldObject");

      Review review = AdmissionReviewParser.parse(body);

      assertThat(review.oldObject()).as(fixture).contains((ObjectNode) eager);
      assertThat(review.oldObject().orElseThrow()).as(fixture).isSameAs(review.oldObject().get());
      assertThat(review)
          .as(fixture)
          .isEqualTo(AdmissionReviewParser.fromTree(Json.MAPPER.readTree(body)));
    }
  }

  @Test
  void duplicateKeys_resolveAsATreeParseWould_theLastWins() {
    String body =
        """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u",
         "operation":"UPDATE","kind":{"version":"v1","kind":"Pod"},
         "resource":{"version":"v1","resource":"pods"},"object":{"a":1},
         "oldObject":{"first":true},"oldObject":{"second":{"x":[1,2]}}}}
        """;

    Review review = AdmissionReviewParser.parse(body.getBytes(StandardCharsets.UTF_8));

    assertThat(review.oldObject().orElseThrow().toString()).isEqualTo("{\"second\":{\"x\":[1,2]}}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          old object cut short  | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"UPDATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"object":{},"oldObject":{"a":[1,}}} | request body is not valid JSON
          old object is array   | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"UPDATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"object":{},"oldObject":[]}} | request.oldObject must be a JSON object or null, got an array
          object replaced later | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"UPDATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"object":{},"oldObject":{},"oldObject":7}} | request.oldObject must be a JSON object or null, got a number
          trailing content      | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"DELETE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"oldObject":{}}} {} | trailing content
          unclosed envelope     | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"DELETE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"oldObject":{}} | request body is not valid JSON
          """)
  void malformedOldObjects_areRefusedBeforeAnyInstanceRuns(
      String name, String body, String message) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdmissionReviewParser.parse(bytes))
        .isInstanceOf(BadReviewException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON           | {"apiVersion":                                                     | request body is not valid JSON
          empty body         |                                                                   | request body is empty
          JSON array         | []                                                                | AdmissionReview must be a JSON object, got an array
          wrong apiVersion   | {"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview"} | apiVersion must be admission.k8s.io/v1, got 'admission.k8s.io/v1beta1'
          wrong kind         | {"apiVersion":"admission.k8s.io/v1","kind":"Pod"}                  | kind must be AdmissionReview, got 'Pod'
          missing request    | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}      | request is missing
          request not object | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":1} | request must be a JSON object, got a number
          missing uid        | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{}} | request.uid is missing or empty
          uid not a string   | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":7}} | request.uid must be a string, got a number
          unknown operation  | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"PATCH"}} | request.operation 'PATCH' is unknown
          missing kind       | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE"}} | request.kind is missing
          object is array    | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"object":[]}} | request.object must be a JSON object or null, got an array
          create w/o object  | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"}}} | request.object is required for operation CREATE
          update w/o old     | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"UPDATE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"object":{}}} | request.oldObject is required for operation UPDATE
          dryRun not boolean | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"DELETE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"dryRun":"yes"}} | request.dryRun must be a boolean, got a string
          groups not strings | {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"DELETE","kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},"userInfo":{"groups":[1]}}} | request.userInfo.groups must be an array of strings
          """)
  void malformedReviews_areRefusedWithAPreciseMessage(String name, String body, String message) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdmissionReviewParser.parse(bytes))
        .isInstanceOf(BadReviewException.class)
        .hasMessageContaining(message);
  }
}
