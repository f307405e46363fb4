package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parsesBearerChallenge_withQuotedParamsAndSeveralScopes() {
    AuthChallenge c =
        AuthChallenge.parse(
                "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
                    + "scope=\"repository:a/b:pull,push repository:c:pull\","
                    + "error=\"insufficient_scope\"")
            .orElseThrow();

    assertThat(c.isBearer()).isTrue();
    assertThat(c.realm()).contains("https://auth.example.com/token");
    assertThat(c.service()).contains("registry.example.com");
    assertThat(c.scopes())
        .containsExactly(new Scope("repository", "a/b", Set.of("pull", "push")), Scope.pull("c"));
    assertThat(c.isInsufficientScope()).isTrue();
  }

  @Test
  void parsesBasicChallenge_caseInsensitively() {
    AuthChallenge c = AuthChallenge.parse("basic Realm=\"Registry Realm\"").orElseThrow();
    assertThat(c.isBasic()).isTrue();
    assertThat(c.realm()).contains("Registry Realm");
    assertThat(c.scopes()).isEmpty();
  }

  @Test
  void handlesEscapesUnquotedValuesAndGarbage() {
    assertThat(AuthChallenge.parse("Bearer realm=\"a\\\"b\", service=plain").orElseThrow().params())
        .containsEntry("realm", "a\"b")
        .containsEntry("service", "plain");
    assertThat(AuthChallenge.parse(null)).isEmpty();
    assertThat(AuthChallenge.parse("   ")).isEmpty();
    assertThat(AuthChallenge.parse("Bearer scope=\"bad\"").orElseThrow().scopes()).isEmpty();
  }
}
