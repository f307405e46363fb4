package dev.harbormaster.prefetch.agent;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.auth.PullSecretKeyring;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Test pull secrets: the {@code data} of a {@code kubernetes.io/dockerconfigjson} Secret. */
public final class PullSecrets {
  private PullSecrets() {}

  /** {@code {"auths": {key: {username, password}}}}: a docker config file's JSON. */
  public static String authsJson(String key, String user, String password) {
    return "{\"auths\":{\""
        + key
        + "\":{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\"}}}";
  }

  /** {@code {".dockerconfigjson": base64({"auths": {key: {username, password}}})}}. */
  public static Map<String, String> dockerConfigJson(String key, String user, String password) {
    return Map.of(
        ".dockerconfigjson",
        Base64.getEncoder()
            .encodeToString(authsJson(key, user, password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The keyring of one {@code kubernetes.io/dockerconfigjson} secret {@code namespace/name}. */
  public static Keyring keyring(String secret, String key, String user, String password) {
    return PullSecretKeyring.builder()
        .addPullSecret(
            secret, "kubernetes.io/dockerconfigjson", dockerConfigJson(key, user, password))
        .build();
  }
}
