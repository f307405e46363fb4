package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching as kubelet does it (notes/cri.md). */
class PullSecretKeyringTest {

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String auth(String user, String pass) {
    return Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
  }

  private static final PullSecretKeyring KEYRING =
      PullSecretKeyring.builder()
          .addDockerConfigJson(
              json(
                  "{\"auths\":{"
                      + "\"https://index.docker.io/v1/\":{\"auth\":\""
                      + auth("hub", "p")
                      + "\"},"
                      + "\"*.corp.example\":{\"username\":\"glob\",\"password\":\"p\"},"
                      + "\"registry.corp.example/team\":{\"username\":\"team\",\"password\":\"p\"},"
                      + "\"registry.corp.example/team/app\":{\"username\":\"app\",\"password\":\"p\"},"
                      + "\"http://local:5000/v2/\":{\"username\":\"port\",\"password\":\"p\"}"
                      + "}}"),
              "secret default/pull")
          .build();

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker.io              | library/nginx  | hub",
        "registry.corp.example  | team/app/x     | app,team,glob",
        "registry.corp.example  | team/other     | team,glob",
        "registry.corp.example  | teammate/x     | team,glob",
        "registry.corp.example  | other/x        | glob",
        "a.b.corp.example       | x              | ''",
        "corp.example           | x              | ''",
        "local:5000             | any/thing      | port",
        "local                  | any/thing      | ''",
        "local:5001             | any/thing      | ''",
        "quay.io                | x              | ''",
      })
  void matchesLikeKubelet_mostSpecificFirst(String registry, String repository, String users) {
    assertThat(KEYRING.credentialsFor(registry, repository))
        .extracting(Credential::username)
        .containsExactly(users.isEmpty() ? new String[0] : users.split(","));
  }

  @Test
  void readsLegacyDockercfg() {
    PullSecretKeyring k =
        PullSecretKeyring.builder()
            .addDockerCfg(
                json("{\"quay.io\":{\"auth\":\"" + auth("q", "pw:with:colons") + "\"}}"), "legacy")
            .build();
    assertThat(k.credentialsFor("quay.io", "a/b"))
        .containsExactly(new Credential("q", "pw:with:colons"));
  }

  @Test
  void rejectsCredentialHelpers_withAClearError() {
    assertThatThrownBy(
            () ->
                PullSecretKeyring.builder()
                    .addDockerConfigJson(
                        json("{\"auths\":{},\"credsStore\":\"desktop\"}"),
                        "/root/.docker/config.json"))
        .isInstanceOf(InvalidCredentialsException.class)
        .hasMessage(
            "/root/.docker/config.json: uses \"credsStore\"; Harbormaster does not run credential"
                + " helpers: put the credentials in \"auths\" (username/password or auth)");
    assertThatThrownBy(
            () ->
                PullSecretKeyring.builder()
                    .addDockerConfigJson(
                        json("{\"auths\":{},\"credHelpers\":{\"gcr.io\":\"gcloud\"}}"), "cfg"))
        .hasMessageStartingWith("cfg: uses \"credHelpers\"");
  }

  @Test
  void rejectsMalformedEntries_namingSourceAndKey() {
    assertThatThrownBy(
            () ->
                PullSecretKeyring.builder()
                    .addDockerConfigJson(json("{\"auths\":{\"q.io\":{\"auth\":\"%%%\"}}}"), "s1"))
        .hasMessage("s1: entry \"q.io\": \"auth\" is not base64");
    assertThatThrownBy(() -> PullSecretKeyring.builder().addDockerConfigJson(json("[]"), "s2"))
        .hasMessage("s2: is not a JSON object");
    assertThatThrownBy(() -> PullSecretKeyring.builder().addDockerConfigJson(json("{}"), "s3"))
        .hasMessage("s3: has no \"auths\" object");
  }

  @Test
  void readsKubernetesSecretData_ofBothTypes() {
    String config =
        Base64.getEncoder()
            .encodeToString(
                json("{\"auths\":{\"ghcr.io\":{\"username\":\"g\",\"password\":\"p\"}}}"));
    String legacy =
        Base64.getEncoder()
            .encodeToString(json("{\"quay.io\":{\"username\":\"q\",\"password\":\"p\"}}"));
    PullSecretKeyring k =
        PullSecretKeyring.builder()
            .addPullSecret(
                "ns/new",
                "kubernetes.io/dockerconfigjson",
                java.util.Map.of(".dockerconfigjson", config))
            .addPullSecret(
                "ns/old", "kubernetes.io/dockercfg", java.util.Map.of(".dockercfg", legacy))
            .build();

    assertThat(k.credentialsFor("ghcr.io", "a"))
        .extracting(Credential::username)
        .containsExactly("g");
    assertThat(k.credentialsFor("quay.io", "a"))
        .extracting(Credential::username)
        .containsExactly("q");
    assertThatThrownBy(
            () -> PullSecretKeyring.builder().addPullSecret("ns/x", "Opaque", java.util.Map.of()))
        .hasMessage(
            "secret ns/x has type \"Opaque\"; pull secrets are kubernetes.io/dockerconfigjson or"
                + " kubernetes.io/dockercfg");
    assertThatThrownBy(
            () ->
                PullSecretKeyring.builder()
                    .addPullSecret("ns/y", "kubernetes.io/dockerconfigjson", java.util.Map.of()))
        .hasMessage("secret ns/y has no .dockerconfigjson key");
  }

  @Test
  void credentialToString_hidesPassword() {
    assertThat(new Credential("u", "secret").toString()).doesNotContain("secret");
  }
}
