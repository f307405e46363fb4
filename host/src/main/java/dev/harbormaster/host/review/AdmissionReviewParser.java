package dev.harbormaster.host.review;

import dev.harbormaster.host.review.lazy.JsonSyntaxException;
import dev.harbormaster.host.review.lazy.LazyJson;
import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.GroupVersionResource;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses and validates an AdmissionReview v1 request from raw bytes into a {@link Review}. The
 * object trees in the result are the parsed trees themselves (no re-serialisation).
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request">AdmissionReview
 *     request</a>
 */
public final class AdmissionReviewParser {
  /** The only accepted {@code apiVersion}. */
  public static final String API_VERSION = "admission.k8s.io/v1";

  private AdmissionReviewParser() {}

  /**
   * Parses a request body. The body is validated in full at once, but {@code request.object} and
   * {@code request.oldObject} become lazy trees ({@link LazyJson}): their members are read from the
   * body when an instance first looks at them, so the parts no instance reads are never parsed.
   *
   * @throws BadReviewException naming what is wrong
   */
  public static Review parse(byte[] body) {
    JsonNode root;
    try {
      root = LazyJson.parse(body);
    } catch (JsonSyntaxException e) {
      if (new String(body, StandardCharsets.UTF_8).isBlank()) {
        throw new BadReviewException("request body is empty; expected an AdmissionReview");
      }
      throw new BadReviewException("request body is not valid JSON: " + e.getMessage());
    }
    return fromTree(root);
  }

  /**
   * Validates an already parsed AdmissionReview tree.
   *
   * @throws BadReviewException naming what is wrong
   */
  public static Review fromTree(JsonNode root) {
    checkEnvelope(root);
    return request(root.get("request"));
  }

  /** Checks apiVersion, kind and that {@code request} is an object. */
  private static void checkEnvelope(JsonNode root) {
    if (!root.isObject()) {
      throw new BadReviewException(
          "AdmissionReview must be a JSON object, got " + Fields.describe(root));
    }
    String apiVersion = Fields.optionalString(root, "apiVersion", "apiVersion").orElse("");
    if (!API_VERSION.equals(apiVersion)) {
      throw new BadReviewException(
          "apiVersion must be " + API_VERSION + ", got '" + apiVersion + "'");
    }
    String kind = Fields.optionalString(root, "kind", "kind").orElse("");
    if (!"AdmissionReview".equals(kind)) {
      throw new BadReviewException("kind must be AdmissionReview, got '" + kind + "'");
    }
    JsonNode request = root.get("request");
    if (request == null || request.isNull()) {
      throw new BadReviewException("request is missing");
    }
    if (!request.isObject()) {
      throw new BadReviewException(
          "request must be a JSON object, got " + Fields.describe(request));
    }
  }

  /** Validates the request. */
  private static Review request(JsonNode request) {
    String uid =
        Fields.optionalString(request, "uid", "request.uid")
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> new BadReviewException("request.uid is missing or empty"));
    Operation operation = operation(request);
    GroupVersionKind kind = kind(request);
    GroupVersionResource resource = resource(request);
    Optional<ObjectNode> object = Fields.optionalObject(request, "object", "request.object");
    Optional<ObjectNode> oldObject =
        Fields.optionalObject(request, "oldObject", "request.oldObject");
    if ((operation == Operation.CREATE || operation == Operation.UPDATE) && object.isEmpty()) {
      throw new BadReviewException("request.object is required for operation " + operation);
    }
    if (operation == Operation.UPDATE && oldObject.isEmpty()) {
      throw new BadReviewException("request.oldObject is required for operation UPDATE");
    }
    return new Review(
        uid,
        operation,
        kind,
        resource,
        Fields.optionalString(request, "subResource", "request.subResource")
            .filter(s -> !s.isEmpty()),
        Fields.optionalString(request, "namespace", "request.namespace").filter(s -> !s.isEmpty()),
        Fields.optionalString(request, "name", "request.name").filter(s -> !s.isEmpty()),
        UserInfoReader.read(request.get("userInfo")),
        Fields.optionalBoolean(request, "dryRun", "request.dryRun"),
        object,
        oldObject);
  }

  private static Operation operation(JsonNode request) {
    String op =
        Fields.optionalString(request, "operation", "request.operation")
            .orElseThrow(() -> new BadReviewException("request.operation is missing"));
    try {
      return Operation.valueOf(op);
    } catch (IllegalArgumentException e) {
      throw new BadReviewException(
          "request.operation '" + op + "' is unknown; expected CREATE, UPDATE, DELETE or CONNECT");
    }
  }

  private static GroupVersionKind kind(JsonNode request) {
    JsonNode kind = Fields.requiredObject(request, "kind", "request.kind");
    return new GroupVersionKind(
        Fields.optionalString(kind, "group", "request.kind.group").orElse(""),
        Fields.requiredString(kind, "version", "request.kind.version"),
        Fields.requiredString(kind, "kind", "request.kind.kind"));
  }

  private static GroupVersionResource resource(JsonNode request) {
    JsonNode resource = Fields.requiredObject(request, "resource", "request.resource");
    return new GroupVersionResource(
        Fields.optionalString(resource, "group", "request.resource.group").orElse(""),
        Fields.requiredString(resource, "version", "request.resource.version"),
        Fields.requiredString(resource, "resource", "request.resource.resource"));
  }
}
