package dev.harbormaster.oci.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code WWW-Authenticate} challenge: {@code Basic realm="..."} or {@code Bearer
 * realm="...",service="...",scope="...",error="insufficient_scope"}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#name-www-authenticate">RFC 9110 11.6.1</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 *     authentication</a>
 * @param scheme {@code basic} or {@code bearer} (lower case) or another scheme
 * @param params the auth-params, names in lower case
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

  /** Copies the parameters. */
  public AuthChallenge {
    params = Map.copyOf(params);
  }

  /**
   * Parses the first challenge of a header value.
   *
   * @return empty when the header is missing or has no scheme
   */
  public static Optional<AuthChallenge> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    int i = 0;
    while (i < h.length() && !Character.isWhitespace(h.charAt(i)) && h.charAt(i) != ',') {
      i++;
    }
    if (i == 0) {
      return Optional.empty();
    }
    String scheme = h.substring(0, i).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    while (i < h.length()) {
      while (i < h.length() && (h.charAt(i) == ',' || Character.isWhitespace(h.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < h.length() && h.charAt(i) != '=' && h.charAt(i) != ',') {
        i++;
      }
      if (i >= h.length() || h.charAt(i) != '=') {
        break; // a token68 or the next challenge: only the first challenge's params are read
      }
      String name = h.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
      i++;
      StringBuilder value = new StringBuilder();
      if (i < h.length() && h.charAt(i) == '"') {
        i++;
        while (i < h.length() && h.charAt(i) != '"') {
          if (h.charAt(i) == '\\' && i + 1 < h.length()) {
            i++;
          }
          value.append(h.charAt(i++));
        }
        i++;
      } else {
        while (i < h.length() && h.charAt(i) != ',') {
          value.append(h.charAt(i++));
        }
      }
      params.putIfAbsent(name, value.toString().trim());
    }
    return Optional.of(new AuthChallenge(scheme, params));
  }

  /** Whether this is a Bearer (token) challenge. */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** Whether this is a Basic challenge. */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** The token endpoint of a Bearer challenge. */
  public Optional<String> realm() {
    return Optional.ofNullable(params.get("realm"));
  }

  /** The {@code service} parameter. */
  public Optional<String> service() {
    return Optional.ofNullable(params.get("service"));
  }

  /** The scopes the challenge names (space-separated in {@code scope}). */
  public List<Scope> scopes() {
    String s = params.get("scope");
    List<Scope> out = new ArrayList<>();
    if (s != null) {
      for (String part : s.trim().split(" ")) {
        if (!part.isBlank()) {
          try {
            out.add(Scope.parse(part));
          } catch (IllegalArgumentException e) {
            // a scope we cannot read cannot be requested either
          }
        }
      }
    }
    return out;
  }

  /** Whether the registry said the token lacks a scope ({@code error="insufficient_scope"}). */
  public boolean isInsufficientScope() {
    return "insufficient_scope".equals(params.get("error"));
  }
}
