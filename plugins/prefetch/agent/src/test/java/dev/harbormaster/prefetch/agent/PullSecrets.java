package dev.harbormaster.prefetch.agent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Test pull secrets: the {@code data} of a {@code kubernetes.io/dockerconfigjson} Secret. */
public final class PullSecrets {
  private PullSecrets() {}

  /** {@code {".dockerconfigjson": base64({"auths": {key: {username, password}}})}}. */
  public static Map<String, String> dockerConfigJson(String key, String user, String password) {
    String json =
        "{\"auths\":{\""
            + key
            + "\":{\"username\":\""
            + user
            + "\",\"password\":\""
            + password
            + "\"}}}";
    return Map.of(
        ".dockerconfigjson",
        Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
  }
}
