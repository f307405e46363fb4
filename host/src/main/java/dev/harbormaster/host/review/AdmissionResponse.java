package dev.harbormaster.host.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * The {@code response} of an AdmissionReview.
 *
 * @param uid the request uid, echoed
 * @param allowed whether the object is admitted
 * @param status code and message (present for denials)
 * @param patch an RFC 6902 JSON Patch (only when allowed and non-empty)
 * @param warnings warnings for the client (capped when written)
 * @param auditAnnotations audit annotations, keys already prefixed {@code <instance>/}
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response">AdmissionReview
 *     response</a>
 */
public record AdmissionResponse(
    String uid,
    boolean allowed,
    Optional<Status> status,
    Optional<ArrayNode> patch,
    List<String> warnings,
    Map<String, String> auditAnnotations) {

  /** Copies the collections. */
  public AdmissionResponse {
    warnings = List.copyOf(warnings);
    auditAnnotations = Map.copyOf(auditAnnotations);
  }

  /**
   * {@code response.status}.
   *
   * @param code HTTP-style code
   * @param message message shown to the user
   */
  public record Status(int code, String message) {}
}
