package dev.harbormaster.host.review;

import dev.harbormaster.spi.UserInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads {@code request.userInfo}; absent means anonymous. */
final class UserInfoReader {
  private UserInfoReader() {}

  static UserInfo read(JsonNode node) {
    if (node == null || node.isNull()) {
      return UserInfo.anonymous();
    }
    if (!node.isObject()) {
      throw new BadReviewException(
          "request.userInfo must be an object, got " + Fields.describe(node));
    }
    Map<String, List<String>> extra = new LinkedHashMap<>();
    JsonNode extraNode = node.get("extra");
    if (extraNode != null && !extraNode.isNull()) {
      if (!extraNode.isObject()) {
        throw new BadReviewException("request.userInfo.extra must be an object");
      }
      for (Map.Entry<String, JsonNode> e : extraNode.properties()) {
        extra.put(e.getKey(), strings(e.getValue(), "request.userInfo.extra." + e.getKey()));
      }
    }
    return new UserInfo(
        Fields.optionalString(node, "username", "request.userInfo.username").orElse(""),
        Fields.optionalString(node, "uid", "request.userInfo.uid").orElse(""),
        strings(node.get("groups"), "request.userInfo.groups"),
        extra);
  }

  private static List<String> strings(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new BadReviewException(path + " must be an array of strings");
    }
    List<String> out = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isString()) {
        throw new BadReviewException(path + " must be an array of strings");
      }
      out.add(item.stringValue());
    }
    return out;
  }
}
