package dev.harbormaster.host.http;

import dev.harbormaster.host.review.Json;
import io.javalin.http.Context;
import tools.jackson.databind.node.ObjectNode;

/** Every non-2xx answer of the host has a JSON body {@code {"code": N, "error": "..."}}. */
final class ErrorBodies {
  private ErrorBodies() {}

  static void write(Context ctx, int status, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("code", status);
    body.put("error", message);
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
  }
}
