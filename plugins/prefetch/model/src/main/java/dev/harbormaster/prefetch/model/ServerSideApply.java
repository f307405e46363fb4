package dev.harbormaster.prefetch.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

/**
 * Writes a whole object with server-side apply under a field manager (idempotent: several writers
 * with the same content converge, and each owns only its fields).
 *
 * <p>When the server does not speak server-side apply (HTTP 415 for {@code
 * application/apply-patch+yaml}, or 404 for an object that does not exist yet; fabric8's mock API
 * server answers both, an API server since 1.22 neither), the object is created or replaced
 * instead.
 *
 * @see <a href="https://kubernetes.io/docs/reference/using-api/server-side-apply/">Server-side
 *     apply</a>
 */
public final class ServerSideApply {
  private ServerSideApply() {}

  /** Applies {@code object} as {@code fieldManager}, forcing conflicts. */
  public static <T extends HasMetadata> T apply(
      KubernetesClient client, T object, String fieldManager) {
    try {
      return client.resource(object).fieldManager(fieldManager).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 415) {
        throw e;
      }
      return client.resource(object).createOr(NonDeletingOperation::update);
    }
  }
}
