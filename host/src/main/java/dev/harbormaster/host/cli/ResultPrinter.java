package dev.harbormaster.host.cli;

import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.Review;
import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Prints one result document per reviewed object: {@code object}, {@code allowed}, {@code status}
 * (when denied), {@code warnings}, {@code auditAnnotations}, {@code patch} and {@code
 * patchedObject}; YAML documents separated by {@code ---}, or pretty JSON documents.
 */
final class ResultPrinter {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .build();

  private final PrintWriter out;
  private final boolean json;

  ResultPrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void print(Review review, OfflineReviewer.Result result) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("object", review.kind() + " " + review.displayName());
    doc.put("allowed", result.allowed());
    result
        .status()
        .ifPresent(
            s -> {
              ObjectNode status = doc.putObject("status");
              status.put("code", s.code());
              status.put("message", s.message());
            });
    ArrayNode warnings = doc.putArray("warnings");
    result.warnings().forEach(warnings::add);
    if (!result.auditAnnotations().isEmpty()) {
      ObjectNode audit = doc.putObject("auditAnnotations");
      new java.util.TreeMap<>(result.auditAnnotations()).forEach(audit::put);
    }
    result.patch().ifPresent(p -> doc.set("patch", p));
    result.patchedObject().ifPresent(o -> doc.set("patchedObject", o));
    if (json) {
      out.println(Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      out.print(YAML.writeValueAsString(doc));
    }
  }
}
