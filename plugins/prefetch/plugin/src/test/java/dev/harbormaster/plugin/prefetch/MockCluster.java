package dev.harbormaster.plugin.prefetch;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Writes the objects the plugin and the agent read into fabric8's mock API server (CRUD mode): pull
 * secrets, the service accounts that name them, and labelled nodes.
 *
 * @param client a client of the mock API server
 */
record MockCluster(KubernetesClient client) {

  /**
   * A {@code kubernetes.io/dockerconfigjson} secret whose {@code .dockerconfigjson} holds {@code
   * dockerConfigJson} (base64, as in the API).
   */
  static Secret pullSecret(String namespace, String name, String dockerConfigJson) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .withData(
            Map.of(
                ".dockerconfigjson",
                Base64.getEncoder()
                    .encodeToString(dockerConfigJson.getBytes(StandardCharsets.UTF_8))))
        .build();
  }

  /** Creates {@link #pullSecret}. */
  void createPullSecret(String namespace, String name, String dockerConfigJson) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(pullSecret(namespace, name, dockerConfigJson))
        .create();
  }

  /** Creates service account {@code namespace/name} whose {@code imagePullSecrets} name one. */
  void createServiceAccount(String namespace, String name, String pullSecret) {
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addNewImagePullSecret(pullSecret)
                .build())
        .create();
  }

  /** Creates node {@code name} with {@code labels}. */
  void createNode(String name, Map<String, String> labels) {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
  }
}
