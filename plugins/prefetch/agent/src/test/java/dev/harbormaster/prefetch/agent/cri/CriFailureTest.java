package dev.harbormaster.prefetch.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** Messages as containerd 1.6 words them (it answers Unknown with the registry's reason). */
class CriFailureTest {
  private static CriFailure classify(Status status, String message) {
    return CriFailure.of(status.withDescription(message).asRuntimeException());
  }

  @Test
  void unauthorizedInTheMessage_isAuth() {
    CriFailure f =
        classify(
            Status.UNKNOWN,
            "failed to pull and unpack image \"127.0.0.1:5000/a:v1\": failed to resolve reference"
                + " \"127.0.0.1:5000/a:v1\": pulling from host 127.0.0.1:5000 failed with status"
                + " code [manifests v1]: 401 Unauthorized");
    assertThat(f.kind()).isEqualTo(CriFailure.Kind.AUTH);
    assertThat(f.reason()).isEqualTo("auth");
  }

  @Test
  void notFound_isPermanent() {
    CriFailure f =
        classify(
            Status.NOT_FOUND,
            "failed to pull and unpack image \"127.0.0.1:5000/a:v9\": failed to resolve reference"
                + " \"127.0.0.1:5000/a:v9\": 127.0.0.1:5000/a:v9: not found");
    assertThat(f.kind()).isEqualTo(CriFailure.Kind.PERMANENT);
    assertThat(f.reason()).isEqualTo("not-found");
  }

  @Test
  void tooManyRequests_isTransientRateLimited() {
    CriFailure f = classify(Status.UNKNOWN, "unexpected status code 429 Too Many Requests");
    assertThat(f.kind()).isEqualTo(CriFailure.Kind.TRANSIENT);
    assertThat(f.reason()).isEqualTo("rate-limited");
  }

  @Test
  void unavailableAndDeadline_areTransient() {
    assertThat(classify(Status.UNAVAILABLE, "connection refused").reason())
        .isEqualTo("unavailable");
    assertThat(classify(Status.DEADLINE_EXCEEDED, "deadline exceeded").reason())
        .isEqualTo("timeout");
    assertThat(classify(Status.UNKNOWN, "unexpected EOF").kind())
        .isEqualTo(CriFailure.Kind.TRANSIENT);
  }

  @Test
  void statusDigitsInsideAPortOrDigest_doNotDecide_theGrpcCodeDoes() {
    CriFailure f =
        classify(
            Status.NOT_FOUND,
            "failed to pull and unpack image \"127.0.0.1:34017/a:v9\": failed to resolve reference"
                + " \"127.0.0.1:34017/a:v9\": 127.0.0.1:34017/a:v9: not found");
    assertThat(f.reason()).isEqualTo("not-found");
    assertThat(
            classify(Status.UNKNOWN, "pull 127.0.0.1:4291/a@sha256:4031aa: unexpected EOF")
                .reason())
        .isEqualTo("runtime");
    assertThat(classify(Status.UNKNOWN, "registry answered 403 Forbidden").reason())
        .isEqualTo("auth");
  }
}
