package dev.harbormaster.spi;

import java.util.List;
import java.util.Map;

/**
 * The user who made the request ({@code request.userInfo}).
 *
 * @param username the user name, empty when the API server did not send one
 * @param uid the user's uid, empty when absent
 * @param groups the user's groups
 * @param extra extra attributes the authenticator provided
 */
public record UserInfo(
    String username, String uid, List<String> groups, Map<String, List<String>> extra) {
  /** Copies the collections so the record is immutable. */
  public UserInfo {
    username = username == null ? "" : username;
    uid = uid == null ? "" : uid;
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** A user about whom nothing is known (offline reviews of plain manifests). */
  public static UserInfo anonymous() {
    return new UserInfo("", "", List.of(), Map.of());
  }
}
