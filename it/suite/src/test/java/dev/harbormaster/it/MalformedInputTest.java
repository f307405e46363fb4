package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each malformed request gets a 4xx with a JSON body whose message names the problem, and the
 * server stays up and keeps answering well-formed reviews.
 */
class MalformedInputTest {

  private static String valid() {
    return Resources.text("reviews/pod-create-pinned.json");
  }

  private static String edited(Consumer<ObjectNode> edit) {
    ObjectNode review = (ObjectNode) Resources.JSON.readTree(valid());
    edit.accept(review);
    return review.toString();
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("not JSON", "{\"apiVersion\": ", 400, "JSON"),
        Arguments.of("a JSON array", "[]", 400, "AdmissionReview"),
        Arguments.of(
            "wrong apiVersion",
            edited(r -> r.put("apiVersion", "admission.k8s.io/v1beta1")),
            400,
            "admission.k8s.io/v1beta1"),
        Arguments.of("wrong kind", edited(r -> r.put("kind", "Pod")), 400, "kind"),
        Arguments.of("no request", edited(r -> r.remove("request")), 400, "request"),
        Arguments.of(
            "no uid", edited(r -> ((ObjectNode) r.get("request")).remove("uid")), 400, "uid"),
        Arguments.of(
            "object of the wrong shape",
            edited(r -> ((ObjectNode) r.get("request")).put("object", "a string")),
            400,
            "object"),
        Arguments.of(
            "unknown operation",
            edited(r -> ((ObjectNode) r.get("request")).put("operation", "PATCH")),
            400,
            "PATCH"));
  }

  /** A well-formed review padded past the 3 MiB body limit. */
  private static String oversize() {
    return edited(
        r ->
            ((ObjectNode) r.get("request").get("object").get("metadata"))
                .putObject("annotations")
                .put("padding", "x".repeat(3 * 1024 * 1024 + 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void malformedReview_gets4xxNamingTheProblem(
      String what, String body, int status, String mentioned) {
    for (String endpoint : new String[] {"/mutate", "/validate"}) {
      HttpResponse<String> response = SharedHost.get().postJson(endpoint, body);

      assertThat(response.statusCode())
          .as("%s %s: %s", endpoint, what, response.body())
          .isEqualTo(status);
      assertErrorBodyMentions(response, mentioned);
    }
  }

  /**
   * The host answers 413 from the Content-Length, before reading the body. The client asks with
   * {@code Expect: 100-continue} so that it reads that answer instead of failing on a closed
   * connection while still sending 3 MiB (curl does the same by default for large bodies).
   */
  @Test
  void oversizeBody_gets413() {
    for (String endpoint : new String[] {"/mutate", "/validate"}) {
      HttpResponse<String> response =
          SharedHost.get()
              .send(
                  HttpRequest.newBuilder(SharedHost.get().uri(endpoint))
                      .expectContinue(true)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(oversize())));

      assertThat(response.statusCode()).as(endpoint).isEqualTo(413);
      assertErrorBodyMentions(response, "limit of 3145728 bytes");
    }
  }

  @Test
  void wrongContentType_gets415() {
    HttpResponse<String> response = SharedHost.get().post("/validate", valid(), "text/plain");

    assertThat(response.statusCode()).isEqualTo(415);
    assertErrorBodyMentions(response, "text/plain");
  }

  @Test
  void getOnAReviewEndpoint_gets405() {
    HttpResponse<String> response =
        SharedHost.get().send(HttpRequest.newBuilder(SharedHost.get().uri("/mutate")).GET());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @AfterAll
  static void serverIsStillUp_andStillReviews() {
    HostProcess host = SharedHost.get();
    assertThat(host.isAlive()).as(host.logTail()).isTrue();
    assertThat(host.get("/healthz").statusCode()).isEqualTo(200);
    JsonNode response = AdmissionResponses.decode(host.postJson("/validate", valid()), true);
    assertThat(response.path("allowed").asBoolean()).isTrue();
  }

  private static void assertErrorBodyMentions(HttpResponse<String> response, String mentioned) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode body = Resources.JSON.readTree(response.body());
    String message = body.path("error").asString(body.path("message").asString(""));
    assertThat(message).as("error message in %s", response.body()).isNotBlank().contains(mentioned);
  }
}
