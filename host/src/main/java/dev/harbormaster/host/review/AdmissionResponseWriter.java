package dev.harbormaster.host.review;

import java.util.Base64;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialises an {@link AdmissionResponse} as an AdmissionReview v1 body: the patch as base64 with
 * {@code patchType: JSONPatch}, warnings capped by {@link WarningLimits}.
 */
public final class AdmissionResponseWriter {
  private AdmissionResponseWriter() {}

  /** The AdmissionReview tree. */
  public static ObjectNode toTree(AdmissionResponse response) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("apiVersion", AdmissionReviewParser.API_VERSION);
    root.put("kind", "AdmissionReview");
    ObjectNode r = root.putObject("response");
    r.put("uid", response.uid());
    r.put("allowed", response.allowed());
    response
        .status()
        .ifPresent(
            s -> {
              ObjectNode status = r.putObject("status");
              status.put("code", s.code());
              status.put("message", s.message());
            });
    response
        .patch()
        .filter(p -> !p.isEmpty())
        .ifPresent(
            p -> {
              r.put("patchType", "JSONPatch");
              r.put("patch", Base64.getEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(p)));
            });
    if (!response.warnings().isEmpty()) {
      ArrayNode warnings = r.putArray("warnings");
      WarningLimits.cap(response.warnings()).forEach(warnings::add);
    }
    if (!response.auditAnnotations().isEmpty()) {
      ObjectNode audit = r.putObject("auditAnnotations");
      new TreeMap<>(response.auditAnnotations()).forEach(audit::put);
    }
    return root;
  }

  /** The AdmissionReview as JSON bytes. */
  public static byte[] write(AdmissionResponse response) {
    return Json.MAPPER.writeValueAsBytes(toTree(response));
  }
}
