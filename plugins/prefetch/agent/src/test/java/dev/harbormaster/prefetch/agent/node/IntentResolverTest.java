package dev.harbormaster.prefetch.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.auth.Credential;
import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IntentResolverTest {
  private static ImagePrefetch prefetch(
      String name,
      long generation,
      List<String> images,
      Map<String, String> selector,
      String... secrets) {
    ImagePrefetch p =
        ImagePrefetch.of(
            "hm", name, new ImagePrefetchSpec(images, selector, List.of(secrets), "", 0, null));
    p.getMetadata().setGeneration(generation);
    return p;
  }

  private static Secret secret(String name, String version, String host, String user) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("hm")
        .withResourceVersion(version)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .withData(PullSecrets.dockerConfigJson(host, user, "pw"))
        .build();
  }

  private static Function<String, Optional<Secret>> secrets(Secret... all) {
    return name ->
        List.of(all).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
  }

  @Test
  void keepsOnlyIntentsWhoseSelectorMatchesTheNode() {
    List<PullIntent> intents =
        IntentResolver.resolve(
            Map.of("pool", "web", "zone", "a"),
            List.of(
                prefetch("web", 1, List.of("r.example/web:1"), Map.of("pool", "web")),
                prefetch("db", 1, List.of("r.example/db:1"), Map.of("pool", "db")),
                prefetch("all", 1, List.of("r.example/all:1"), Map.of())),
            secrets());
    assertThat(intents)
        .extracting(PullIntent::image)
        .containsExactly("r.example/web:1", "r.example/all:1");
  }

  @Test
  void anImageNamedByTwoIntents_getsTheSecretsOfBoth_matchedByRegistry() {
    List<PullIntent> intents =
        IntentResolver.resolve(
            Map.of(),
            List.of(
                prefetch("a", 1, List.of("one.example/app:1"), Map.of(), "s1"),
                prefetch("b", 1, List.of("one.example/app:1"), Map.of(), "s2")),
            secrets(
                secret("s1", "1", "other.example", "u1"), secret("s2", "1", "one.example", "u2")));
    assertThat(intents).hasSize(1);
    assertThat(intents.getFirst().keyring().credentialsFor("one.example", "app"))
        .extracting(Credential::username)
        .containsExactly("u2");
  }

  @Test
  void theFingerprintChanges_whenTheSpecGenerationOrASecretChanges() {
    var p1 = List.of(prefetch("a", 1, List.of("r.example/x:1"), Map.of(), "s"));
    var p2 = List.of(prefetch("a", 2, List.of("r.example/x:1"), Map.of(), "s"));
    String base =
        IntentResolver.resolve(Map.of(), p1, secrets(secret("s", "7", "r.example", "u")))
            .getFirst()
            .fingerprint();
    assertThat(
            IntentResolver.resolve(Map.of(), p1, secrets(secret("s", "7", "r.example", "u")))
                .getFirst()
                .fingerprint())
        .isEqualTo(base);
    assertThat(
            IntentResolver.resolve(Map.of(), p2, secrets(secret("s", "7", "r.example", "u")))
                .getFirst()
                .fingerprint())
        .isNotEqualTo(base);
    assertThat(
            IntentResolver.resolve(Map.of(), p1, secrets(secret("s", "8", "r.example", "u")))
                .getFirst()
                .fingerprint())
        .isNotEqualTo(base);
    assertThat(IntentResolver.resolve(Map.of(), p1, secrets()).getFirst().fingerprint())
        .as("missing secret")
        .isNotEqualTo(base);
    var retried = prefetch("a", 1, List.of("r.example/x:1"), Map.of(), "s");
    retried
        .getMetadata()
        .setAnnotations(Map.of(ImagePrefetch.RETRY_ANNOTATION, "2026-11-22T14:00:00Z"));
    assertThat(
            IntentResolver.resolve(
                    Map.of(), List.of(retried), secrets(secret("s", "7", "r.example", "u")))
                .getFirst()
                .fingerprint())
        .as("explicit retry")
        .isNotEqualTo(base);
  }

  @Test
  void aBrokenSecret_isSkipped_andThePullGoesAnonymous() {
    Secret broken =
        new SecretBuilder()
            .withNewMetadata()
            .withName("bad")
            .withNamespace("hm")
            .endMetadata()
            .withType("Opaque")
            .withData(Map.of("x", "eA=="))
            .build();
    List<PullIntent> intents =
        IntentResolver.resolve(
            Map.of(),
            List.of(prefetch("a", 1, List.of("r.example/x:1"), Map.of(), "bad")),
            secrets(broken));
    assertThat(intents.getFirst().keyring().credentialsFor("r.example", "x")).isEmpty();
  }
}
